import { and, eq, sql } from "drizzle-orm";
import { complianceSnapshots, complianceSnapshotServers, servers } from "~/db/schema";
import { fitsInteger } from "~/server/lib/fields";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { findBaselineRow } from "../firmware-baselines/get";
import { historyRestriction, recordsAny, toSnapshotDtos } from "./history";
import type { SnapshotDetailDto } from "./schemas";
import type { ScopeParams } from "./scope";
import { severityOf } from "./statuses";

/** One snapshot with the servers whose status changed since the previous snapshot recording them: what drifted, what was fixed. */
export async function getComplianceSnapshot({ ctx, input }: { ctx: ServiceContext; input: ScopeParams & { id: number; snapshot_id: number } }): Promise<SnapshotDetailDto> {
  const baseline = await findBaselineRow(ctx, input.id);
  const restriction = await historyRestriction(ctx, input);
  const [row] = fitsInteger(input.snapshot_id)
    ? await ctx.db
        .select()
        .from(complianceSnapshots)
        .where(and(eq(complianceSnapshots.id, input.snapshot_id), eq(complianceSnapshots.baselineId, baseline.id), recordsAny(restriction)))
    : [];
  if (!row) throw new NotFoundError("ComplianceSnapshot");
  const [dto] = await toSnapshotDtos(ctx.db, [row], restriction);
  const changed = await ctx.db
    .select({
      server_id: complianceSnapshotServers.serverId,
      server_name: servers.name,
      previous_status: sql<string>`${complianceSnapshotServers.previousStatus}`,
      overall_status: complianceSnapshotServers.overallStatus,
    })
    .from(complianceSnapshotServers)
    .innerJoin(servers, eq(servers.id, complianceSnapshotServers.serverId))
    .where(and(eq(complianceSnapshotServers.snapshotId, row.id), sql`${complianceSnapshotServers.previousStatus} <> ${complianceSnapshotServers.overallStatus}`, restriction))
    .orderBy(severityOf(complianceSnapshotServers.overallStatus), servers.name, servers.id);
  return { ...dto!, changed_servers: changed as SnapshotDetailDto["changed_servers"] };
}
