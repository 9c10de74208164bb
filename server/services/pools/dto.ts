import { and, asc, count, inArray } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { pools, servers, switches } from "~/db/schema";
import { isoDateTime } from "~/server/lib/fields";
import type { Actor } from "../context";
import type { PoolDto } from "./schemas";
import { poolScope } from "./scope";

export type PoolRow = typeof pools.$inferSelect;

async function countByPool(db: DbExecutor, table: typeof servers | typeof switches, ids: number[]): Promise<Map<number, number>> {
  const rows = await db
    .select({ poolId: table.resourcePoolId, total: count() })
    .from(table)
    .where(inArray(table.resourcePoolId, ids))
    .groupBy(table.resourcePoolId);
  return new Map(rows.map((row) => [row.poolId!, row.total]));
}

/** Batch-maps rows to DTOs: three reads for any number of pools. */
export async function toPoolDtos(db: DbExecutor, actor: Actor, rows: PoolRow[]): Promise<PoolDto[]> {
  const ids = rows.map((row) => row.id);
  if (!ids.length) return [];
  const [children, serverCounts, switchCounts] = await Promise.all([
    db
      .select({ id: pools.id, parentId: pools.parentId })
      .from(pools)
      .where(and(inArray(pools.parentId, ids), poolScope(actor)))
      .orderBy(asc(pools.id)),
    countByPool(db, servers, ids),
    countByPool(db, switches, ids),
  ]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    group: row.groupId,
    parent: row.parentId,
    sub_pools: children.filter((child) => child.parentId === row.id).map((child) => child.id),
    servers_count: serverCounts.get(row.id) ?? 0,
    switches_count: switchCounts.get(row.id) ?? 0,
    created_at: isoDateTime(row.createdAt),
    updated_at: isoDateTime(row.updatedAt),
  }));
}

export async function toPoolDto(db: DbExecutor, actor: Actor, row: PoolRow): Promise<PoolDto> {
  const [dto] = await toPoolDtos(db, actor, [row]);
  return dto!;
}
