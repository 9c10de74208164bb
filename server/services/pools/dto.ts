import { and, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { pools } from "~/db/schema";
import { isoDateTime } from "~/server/lib/fields";
import type { PoolDto } from "./schemas";

export type PoolRow = typeof pools.$inferSelect;

/**
 * What a pool's DTO needs beyond its row, computed in the same read (a list page stays one query).
 * Sub-pools always share their parent's group, so whoever sees a pool sees every sub-pool listed.
 * Spelled out: drizzle leaves select-list columns unqualified, which would break the correlation.
 */
export const poolDtoColumns = {
  subPoolIds: sql<number[]>`array(select sub_pool.id from pools sub_pool where sub_pool.parent_id = pools.id order by sub_pool.id)`,
  serversCount: sql<number>`(select count(*) from servers where servers.resource_pool_id = pools.id)`.mapWith(Number),
  switchesCount: sql<number>`(select count(*) from switches where switches.resource_pool_id = pools.id)`.mapWith(Number),
};

export type PoolDtoRow = PoolRow & { subPoolIds: number[]; serversCount: number; switchesCount: number };

export function toPoolDto(row: PoolDtoRow): PoolDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    group: row.groupId,
    parent: row.parentId,
    sub_pools: row.subPoolIds,
    servers_count: row.serversCount,
    switches_count: row.switchesCount,
    created_at: isoDateTime(row.createdAt),
    updated_at: isoDateTime(row.updatedAt),
  };
}

/** One pool's DTO in one read (within the caller's transaction after a write), or undefined. */
export async function readPoolDto(db: DbExecutor, id: number, scope?: SQL): Promise<PoolDto | undefined> {
  const [row] = await db
    .select({ ...getTableColumns(pools), ...poolDtoColumns })
    .from(pools)
    .where(and(eq(pools.id, id), scope));
  return row && toPoolDto(row);
}
