import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { complianceSnapshots, complianceSnapshotServers, servers } from "~/db/schema";
import { isoDateTime } from "~/server/lib/fields";
import { isStaff, type ServiceContext } from "../context";
import { findBaselineRow } from "../firmware-baselines/get";
import { mapPage, runList, type ListConfig, type ListQuery } from "../list";
import { serverScope } from "../servers/scope";
import type { SnapshotDto } from "./schemas";
import { resolveScope, scopeCondition, type ScopeParams } from "./scope";
import { snapshotCounts } from "./snapshot";
import { SNAPSHOT_TRIGGERS } from "~/db/schema/choices";

type SnapshotRow = typeof complianceSnapshots.$inferSelect;
type Counts = SnapshotDto["summary"] & SnapshotDto["changes"];

const storedCounts = (row: SnapshotRow): Counts => ({
  total_servers: row.totalServers,
  compliant: row.compliant,
  non_compliant: row.nonCompliant,
  unknown: row.unknown,
  not_applicable: row.notApplicable,
  became_non_compliant: row.becameNonCompliant,
  became_compliant: row.becameCompliant,
});

export const historyListConfig: ListConfig = {
  table: complianceSnapshots,
  primaryKey: complianceSnapshots.id,
  searchFields: [complianceSnapshots.trigger, complianceSnapshots.scope],
  filters: {
    trigger: { kind: "choice", column: complianceSnapshots.trigger, choices: SNAPSHOT_TRIGGERS, description: `Why it was taken: ${SNAPSHOT_TRIGGERS.join(", ")}.` },
  },
  ordering: { taken_at: complianceSnapshots.takenAt, id: complianceSnapshots.id },
  defaultOrdering: ["-taken_at", "-id"],
};

/**
 * Which servers of each snapshot the caller counts: staff asking for no pool or server read the stored
 * counts (undefined); anyone else, or a pool/server history, counts the matching recorded servers.
 */
export async function historyRestriction(ctx: ServiceContext, params: ScopeParams): Promise<SQL | undefined> {
  const condition = and(serverScope(ctx.actor), scopeCondition(await resolveScope(ctx, params)));
  if (!condition && isStaff(ctx.actor)) return undefined;
  return inArray(complianceSnapshotServers.serverId, sql`(select ${servers.id} from ${servers} where ${condition ?? sql`true`})`);
}

/** Snapshots with at least one server the restriction keeps. */
export const recordsAny = (restriction: SQL | undefined) =>
  restriction && sql`exists (select 1 from ${complianceSnapshotServers} where ${complianceSnapshotServers.snapshotId} = ${complianceSnapshots.id} and ${restriction})`;

/** Maps snapshots to DTOs; restricted counts come from one grouped read of their server rows. */
export async function toSnapshotDtos(db: DbExecutor, rows: SnapshotRow[], restriction: SQL | undefined): Promise<SnapshotDto[]> {
  let counts = new Map(rows.map((row) => [row.id, storedCounts(row)]));
  if (restriction && rows.length) {
    const grouped = await db.execute<Counts & { snapshot_id: number }>(sql`
      select snapshot_id, ${snapshotCounts("compliance_snapshot_servers")} from ${complianceSnapshotServers}
      where ${and(inArray(complianceSnapshotServers.snapshotId, rows.map((row) => row.id)), restriction)} group by snapshot_id`);
    counts = new Map(grouped.map(({ snapshot_id, ...recorded }) => [snapshot_id, recorded]));
  }
  return rows.map((row) => {
    const { became_non_compliant, became_compliant, ...summary } = counts.get(row.id)!;
    return {
      id: row.id,
      taken_at: isoDateTime(row.takenAt),
      trigger: row.trigger as SnapshotDto["trigger"],
      scope: row.scope as SnapshotDto["scope"],
      pool: row.poolId,
      server: row.serverId,
      created_by: row.createdById,
      summary,
      changes: { became_non_compliant, became_compliant },
    };
  });
}

/** `GET /api/firmware_baseline/{id}/compliance/history/`: newest first, paged like every list. */
export async function listComplianceHistory({ ctx, input }: { ctx: ServiceContext; input: ListQuery & ScopeParams & { id: number } }) {
  const baseline = await findBaselineRow(ctx, input.id);
  const restriction = await historyRestriction(ctx, input);
  const scope = and(eq(complianceSnapshots.baselineId, baseline.id), recordsAny(restriction));
  const page = await runList<SnapshotRow>(historyListConfig, input, { db: ctx.db, scope, requestUrl: ctx.requestUrl });
  return mapPage(page, (rows) => toSnapshotDtos(ctx.db, rows, restriction));
}
