import { asc, eq, lt, sql } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { complianceSnapshots, firmwareBaselines } from "~/db/schema";
import type { ServiceContext } from "../context";
import { complianceSettings } from "./settings";
import { takeComplianceSnapshot } from "./snapshot";

/** Drops snapshots (and their server rows) older than `days`; 0 keeps everything. */
export async function pruneComplianceHistory(db: DbExecutor, days: number): Promise<number> {
  if (days <= 0) return 0;
  const deleted = await db
    .delete(complianceSnapshots)
    .where(lt(complianceSnapshots.takenAt, sql`now() - make_interval(days => ${days})`))
    .returning({ id: complianceSnapshots.id });
  return deleted.length;
}

/**
 * Snapshots every baseline over its compatible servers, then prunes history past the retention.
 * A baseline deleted meanwhile is skipped; any other failure fails the run.
 */
export async function snapshotEveryBaseline({ ctx }: { ctx: ServiceContext }): Promise<{ snapshots: number; pruned: number }> {
  const baselines = await ctx.db.select({ id: firmwareBaselines.id }).from(firmwareBaselines).orderBy(asc(firmwareBaselines.id));
  let snapshots = 0;
  for (const { id } of baselines) {
    try {
      await takeComplianceSnapshot({ ctx, input: { baselineId: id, scope: { kind: "compatible" }, trigger: "nightly" } });
      snapshots++;
    } catch (error) {
      const [stillThere] = await ctx.db.select({ id: firmwareBaselines.id }).from(firmwareBaselines).where(eq(firmwareBaselines.id, id));
      if (stillThere) throw error;
    }
  }
  return { snapshots, pruned: await pruneComplianceHistory(ctx.db, complianceSettings.historyDays) };
}
