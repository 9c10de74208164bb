import { groups, pools } from "~/db/schema";
import type { Actor, ServiceContext } from "../context";
import { groupScope } from "../groups/list";
import { mapPage, runList, type ListConfig, type ListQuery } from "../list";
import { poolDtoColumns, toPoolDto, type PoolDtoRow } from "./dto";
import { poolScope } from "./scope";

// One map for every actor: the list helper keeps the ORDER BY it renders with it.
const POOL_ORDERING: ListConfig["ordering"] = {
  name: pools.name,
  id: pools.id,
  created_at: pools.createdAt,
  updated_at: pools.updatedAt,
  group: pools.groupId,
  parent: pools.parentId,
};

export function poolListConfig(actor: Actor): ListConfig {
  return {
    table: pools,
    primaryKey: pools.id,
    searchFields: [pools.name, pools.description],
    filters: {
      // Another group's pool, or a group the actor is not in, is refused like an id that names nothing.
      group: { kind: "relation", references: groups, column: pools.groupId, visible: groupScope({ actor }), description: "Pools of this group id." },
      parent: { kind: "relation", references: pools, column: pools.parentId, visible: poolScope(actor), description: "Direct sub-pools of this pool id." },
      parent__isnull: { kind: "isnull", column: pools.parentId, description: "`true`: top-level pools only (a pool tree's first level); `false`: sub-pools only." },
    },
    ordering: POOL_ORDERING,
    defaultOrdering: ["name"],
    columns: poolDtoColumns,
  };
}

/** For the query schema: filter names and ordering are the same for every actor. */
export const poolQueryConfig = poolListConfig({ kind: "system" });

export async function listPools({ ctx, input }: { ctx: ServiceContext; input: ListQuery }) {
  const page = await runList<PoolDtoRow>(poolListConfig(ctx.actor), input, { db: ctx.db, scope: poolScope(ctx.actor), requestUrl: ctx.requestUrl });
  return mapPage(page, (rows) => rows.map(toPoolDto));
}
