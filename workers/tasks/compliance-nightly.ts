import type { Task } from "graphile-worker";
import { getDb } from "~/db/client";
import { snapshotEveryBaseline } from "~/server/services/compliance/nightly";
import { refreshEveryRegisteredServer } from "~/server/services/inventory/refresh-all";

export const COMPLIANCE_NIGHTLY = "compliance_nightly";

/**
 * The nightly compliance run, as the system: first the inventory of every registered server is read
 * again from its BMC (a BMC that fails keeps its last inventory), so the snapshots record fresh versions.
 */
export const complianceNightly: Task = async (_payload, helpers) => {
  const ctx = { actor: { kind: "system" as const }, db: getDb() };
  const refresh = await refreshEveryRegisteredServer({ ctx });
  helpers.logger.info(`inventory refresh: ${refresh.refreshed} of ${refresh.bmcs} BMCs, ${refresh.failed.length} failed`);
  const { snapshots, pruned } = await snapshotEveryBaseline({ ctx });
  helpers.logger.info(`compliance snapshots: ${snapshots}, expired snapshots dropped: ${pruned}`);
};
