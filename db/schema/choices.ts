// The values a status or kind column may hold: the zod schemas (API) and the domains (database, db/schema/checks.ts)
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

/** Seed 003's compliance statuses, most severe first. */
export const COMPLIANCE_STATUSES = ["non_compliant", "unknown", "compliant", "not_applicable"] as const;

/** Why a compliance snapshot was taken. */
export const SNAPSHOT_TRIGGERS = ["manual", "nightly", "remediation"] as const;
export type SnapshotTrigger = (typeof SNAPSHOT_TRIGGERS)[number];

/** What a compliance snapshot covered: every compatible server, a pool with its sub-pools, or one server. */
export const SNAPSHOT_SCOPES = ["compatible", "pool", "server"] as const;

/** A bulk registration, as the request states of the console: pending until a worker starts it. */
export const REGISTRATION_BATCH_STATUSES = ["pending", "running", "succeeded", "failed", "partially_failed"] as const;

/** One node of a bulk registration. */
export const REGISTRATION_NODE_STATUSES = ["pending", "running", "succeeded", "failed"] as const;

/** What holds a BMC's operation lease (one operation at a time per BMC). */
export const BMC_OPERATION_KINDS = ["registration", "refresh", "remediation"] as const;

/** A request's state, and each of its servers': pending -> running -> succeeded / failed / partially_failed / cancelled. */
export const REQUEST_STATUSES = ["pending", "running", "succeeded", "failed", "partially_failed", "cancelled"] as const;

/**
 * A remediation step's state. `sending`: persisted just before the update goes out (a step found so
 * after a crash asks the BMC first); `waiting`: re-scheduled with `run_at`; `waiting_for_reset`: staged
 * with `apply_time: on_reset` until the operator restarts the host.
 */
export const REQUEST_STEP_STATUSES = ["pending", "running", "sending", "waiting", "waiting_for_reset", "succeeded", "failed", "skipped", "cancelled"] as const;
