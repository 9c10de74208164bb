// The values a status or kind column may hold: the zod schemas (API) and the CHECK constraints (database)
// both read them from here. Plain arrays, so client code can import them without drizzle.

export const SCAN_RANGE_STATUSES = ["ready", "scanning", "error"] as const;

export const SCAN_CHUNK_STATUSES = ["pending", "running", "done", "failed"] as const;

/**
 * Only what registration can speak: Rackpilot talks Redfish to every BMC (HPE iLO 4's legacy /rest/v1
 * tree included, as a vendor quirk of the same client). There is no IPMI client, so no "ipmi" choice.
 */
export const BMC_PROTOCOLS = ["redfish"] as const;

export const FIRMWARE_TYPES = ["bios", "bmc", "storage_controller", "lsi_3108", "service_pack", "nic", "other"] as const;

export const NODE_STATUSES = ["discovered", "registered", "error", "unreachable"] as const;

/** What a server's firmware inventory entry is; the compliance rules match on it. */
export const FIRMWARE_COMPONENTS = ["bios", "bmc", "storage_controller", "nic", "other"] as const;
