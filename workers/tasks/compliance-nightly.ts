import type { Task } from "graphile-worker";
import { getDb } from "~/db/client";
import { snapshotEveryBaseline } from "~/server/services/compliance/nightly";

export const COMPLIANCE_NIGHTLY = "compliance_nightly";

/**
 * The nightly compliance run, as the system. The inventory refresh of every registered server comes
 * first once registration provides it (one call before the snapshots), so the snapshots read fresh versions.
 */
export const complianceNightly: Task = async (_payload, helpers) => {
  const { snapshots, pruned } = await snapshotEveryBaseline({ ctx: { actor: { kind: "system" }, db: getDb() } });
  helpers.logger.info(`compliance snapshots: ${snapshots}, expired snapshots dropped: ${pruned}`);
};
