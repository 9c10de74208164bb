import { and, eq, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { groups, pools } from "~/db/schema";
import { fitsInteger } from "~/server/lib/fields";
import { isStaff, type Actor } from "../context";
import { groupScope } from "../groups";
import { findScopedRow } from "../visible-row";

/**
 * The one access rule for pools: staff (and system jobs) see and manage every pool; anyone else
 * sees and manages the pools of the groups they belong to, and nothing of the others.
 */
export function poolScope(actor: Actor): SQL | undefined {
  if (isStaff(actor) || actor.kind !== "user") return undefined;
  return inArray(pools.groupId, actor.groupIds.length ? actor.groupIds : [-1]);
}

/**
 * The same rule for what pools hold (servers, switches), given their pool column: staff see all;
 * anyone else sees what is in pools of their groups (a sub-pool always shares its parent's group)
 * and nothing unassigned. The visible pools are read once per statement into an array (`= any`
 * of an InitPlan): as an `in (subquery)` semi-join, a prepared statement's generic plan rescans the
 * pools for every candidate row.
 */
export function pooledScope(actor: Actor, poolColumn: AnyColumn): SQL | undefined {
  if (isStaff(actor) || actor.kind !== "user") return undefined;
  if (!actor.groupIds.length) return sql`false`;
  return sql`${poolColumn} = any(array(select ${pools.id} from ${pools} where ${inArray(pools.groupId, actor.groupIds)}))`;
}

/** A pool the actor may see, or undefined. */
export async function findVisiblePool(db: DbExecutor, actor: Actor, id: number, lock?: "update" | "share") {
  return findScopedRow(db, pools, poolScope(actor), id, lock);
}

/** Whether the actor may put pools in this group: one they belong to (staff: any that exists). */
export async function isUsableGroup(db: DbExecutor, actor: Actor, id: number): Promise<boolean> {
  if (!fitsInteger(id)) return false;
  const [row] = await db.select({ id: groups.id }).from(groups).where(and(eq(groups.id, id), groupScope({ actor })));
  return row !== undefined;
}
