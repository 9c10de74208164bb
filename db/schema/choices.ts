// The values a status or kind column may hold: the zod schemas (API) and the CHECK constraints (database)
// both read them from here. Plain arrays, so client code can import them without drizzle.

export const SCAN_RANGE_STATUSES = ["ready", "scanning", "error"] as const;

/**
 * Only what registration can speak: Rackpilot talks Redfish to every BMC (HPE iLO 4's legacy /rest/v1
 * tree included, as a vendor quirk of the same client). There is no IPMI client, so no "ipmi" choice.
 */
export const BMC_PROTOCOLS = ["redfish"] as const;

export const FIRMWARE_TYPES = ["bios", "bmc", "storage_controller", "lsi_3108", "service_pack", "nic", "other"] as const;
