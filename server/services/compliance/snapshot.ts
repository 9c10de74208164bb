import { sql } from "drizzle-orm";
import { complianceSnapshots, complianceSnapshotServers } from "~/db/schema";
import type { ServiceContext } from "../context";
import { loadRules } from "./evaluate";
import type { ComplianceScope } from "./scope";
import { statusCtes } from "./statuses";
import type { SnapshotTrigger } from "~/db/schema/choices";

/** Counts of a set of snapshot rows (`overall_status`, `previous_status`), as the snapshot and history columns name them. */
export const snapshotCounts = (rows: string) => {
  const t = sql.raw(rows);
  const changedTo = (status: string) => sql`count(*) filter (where ${t}.overall_status = ${status} and ${t}.previous_status <> ${status})::int`;
  return sql`count(*)::int as total_servers,
    count(*) filter (where ${t}.overall_status = 'compliant')::int as compliant,
    count(*) filter (where ${t}.overall_status = 'non_compliant')::int as non_compliant,
    count(*) filter (where ${t}.overall_status = 'unknown')::int as unknown,
    count(*) filter (where ${t}.overall_status = 'not_applicable')::int as not_applicable,
    ${changedTo("non_compliant")} as became_non_compliant,
    ${changedTo("compliant")} as became_compliant`;
};

const scopeColumns = (scope: ComplianceScope) => ({
  scope: scope.kind === "servers" ? "server" : scope.kind,
  poolId: scope.kind === "pool" ? scope.poolId : null,
  serverId: scope.kind === "servers" && scope.serverIds.length === 1 ? scope.serverIds[0]! : null,
});

/**
 * Records the compliance of every server in `scope` now, whoever asks: a snapshot is a record of the
 * fleet, and readers only ever see the counts of the servers they may see. Each server's row carries its
 * status in the baseline's latest earlier snapshot that recorded it, so drift is counted once, here.
 * One statement: the snapshot and its rows appear together or not at all. Returns the snapshot's id.
 */
export async function takeComplianceSnapshot({ ctx, input }: { ctx: ServiceContext; input: { baselineId: number; scope: ComplianceScope; trigger: SnapshotTrigger } }): Promise<number> {
  const { baselineId, scope, trigger } = input;
  const rules = await loadRules(ctx.db, baselineId);
  const where = scopeColumns(scope);
  const createdBy = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  const [row] = await ctx.db.execute<{ id: number }>(sql`${statusCtes(rules, scope, undefined)},
    recorded as (
      select st.server_id, st.overall_status,
        (select earlier.overall_status from ${complianceSnapshotServers} earlier
          where earlier.baseline_id = ${baselineId} and earlier.server_id = st.server_id
          order by earlier.snapshot_id desc limit 1) as previous_status
      from statuses st
    ),
    snapshot as (
      insert into ${complianceSnapshots} (baseline_id, trigger, scope, pool_id, server_id, created_by_id,
        total_servers, compliant, non_compliant, unknown, not_applicable, became_non_compliant, became_compliant)
      select ${baselineId}, ${trigger}, ${where.scope}, ${where.poolId}::int, ${where.serverId}::int, ${createdBy}::int, counts.*
      from (select ${snapshotCounts("recorded")} from recorded) counts
      returning id
    ),
    rows as (
      insert into ${complianceSnapshotServers} (snapshot_id, baseline_id, server_id, overall_status, previous_status)
      select snapshot.id, ${baselineId}, recorded.server_id, recorded.overall_status, recorded.previous_status
      from snapshot, recorded
    )
    select id from snapshot`);
  return row!.id;
}
