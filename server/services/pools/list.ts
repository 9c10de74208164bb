import { eq, type AnyColumn } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { pools } from "~/db/schema";
import type { Actor, ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { mapPage, runList, type FilterSpec, type ListConfig, type ListQuery } from "../list";
import { toPoolDtos, type PoolRow } from "./dto";
import { findVisiblePool, isUsableGroup, poolScope } from "./scope";

type Visible = (db: DbExecutor, id: number) => Promise<boolean>;

/**
 * A foreign-key filter whose choices are only the rows the actor may see: the id of another group's
 * pool (or of a group the actor is not in) is rejected exactly like an id that names nothing.
 */
function scopedRelation(name: string, column: AnyColumn, visible: Visible, description: string): FilterSpec {
  return {
    kind: "custom",
    description,
    where: async (value, db) => {
      const id = /^\d+$/.test(value) ? Number(value) : NaN;
      if (!Number.isSafeInteger(id) || !(await visible(db, id))) {
        throw ValidationError.field(name, "Select a valid choice. That choice is not one of the available choices.");
      }
      return eq(column, id);
    },
  };
}

export function poolListConfig(actor: Actor): ListConfig {
  return {
    table: pools,
    primaryKey: pools.id,
    searchFields: [pools.name, pools.description],
    filters: {
      group: scopedRelation("group", pools.groupId, (db, id) => isUsableGroup(db, actor, id), "Pools of this group id."),
      parent: scopedRelation("parent", pools.parentId, async (db, id) => (await findVisiblePool(db, actor, id)) !== undefined, "Direct sub-pools of this pool id."),
    },
    ordering: {
      name: pools.name,
      id: pools.id,
      created_at: pools.createdAt,
      updated_at: pools.updatedAt,
      group: pools.groupId,
      parent: pools.parentId,
    },
    defaultOrdering: ["name"],
  };
}

/** For the query schema: filter names and ordering are the same for every actor. */
export const poolQueryConfig = poolListConfig({ kind: "system" });

export async function listPools({ ctx, input }: { ctx: ServiceContext; input: ListQuery }) {
  const page = await runList<PoolRow>(poolListConfig(ctx.actor), input, { db: ctx.db, scope: poolScope(ctx.actor), requestUrl: ctx.requestUrl });
  return mapPage(page, (rows) => toPoolDtos(ctx.db, ctx.actor, rows));
}
