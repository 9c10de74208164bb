import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { groups, pools } from "~/db/schema";
import { fitsInteger } from "~/server/lib/fields";
import { isStaff, type Actor } from "../context";
import { groupScope } from "../groups";

/**
 * The one access rule for pools: staff (and system jobs) see and manage every pool; anyone else
 * sees and manages the pools of the groups they belong to, and nothing of the others.
 */
export function poolScope(actor: Actor): SQL | undefined {
  if (isStaff(actor) || actor.kind !== "user") return undefined;
  return inArray(pools.groupId, actor.groupIds.length ? actor.groupIds : [-1]);
}

/** A pool the actor may see, or undefined. Ids beyond Postgres' integer range name no row (querying with them would fail). */
export async function findVisiblePool(db: DbExecutor, actor: Actor, id: number, lock?: "update" | "share") {
  if (!fitsInteger(id)) return undefined;
  const query = db.select().from(pools).where(and(eq(pools.id, id), poolScope(actor)));
  const [row] = await (lock ? query.for(lock) : query);
  return row;
}

/** Whether the actor may put pools in this group: one they belong to (staff: any that exists). */
export async function isUsableGroup(db: DbExecutor, actor: Actor, id: number): Promise<boolean> {
  if (!fitsInteger(id)) return false;
  const [row] = await db.select({ id: groups.id }).from(groups).where(and(eq(groups.id, id), groupScope({ actor })));
  return row !== undefined;
}
