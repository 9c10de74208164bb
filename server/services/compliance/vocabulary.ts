/** Seed 003's statuses, most severe first. */
export const COMPLIANCE_STATUSES = ["non_compliant", "unknown", "compliant", "not_applicable"] as const;

/** Why a snapshot was taken. */
export const SNAPSHOT_TRIGGERS = ["manual", "nightly", "remediation"] as const;
export type SnapshotTrigger = (typeof SNAPSHOT_TRIGGERS)[number];
