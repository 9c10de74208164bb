import { eq } from "drizzle-orm";
import { pools } from "~/db/schema";
import { invalidPkMessage } from "~/server/lib/fields";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { DEFAULT_GROUP_ID } from "../groups";
import type { PoolRow } from "./dto";
import { descendantIds } from "./hierarchy";
import { findVisiblePool, isUsableGroup } from "./scope";

type Requested = { group?: number; parent?: number | null };
export type Placement = { groupId: number; parentId: number | null };

/**
 * Where a created or updated pool goes. The parent must be a pool the actor sees (and, on update, not
 * the pool itself or below it); the group one the actor may use: anything else reads as nonexistent,
 * as it would with DRF related fields scoped to the user. A sub-pool is always in its parent's group:
 * omitting `group` adopts it, sending another is an error.
 */
export async function resolvePlacement(ctx: ServiceContext, requested: Requested, current?: PoolRow): Promise<Placement> {
  const errors: Record<string, string[]> = {};
  let parent: PoolRow | null = null;
  if (typeof requested.parent === "number") {
    // A share lock keeps the parent from being deleted or moved to another group until this write commits.
    const row = await findVisiblePool(ctx.db, ctx.actor, requested.parent, "share");
    if (!row) errors.parent = [invalidPkMessage(requested.parent)];
    else if (current && (row.id === current.id || (await descendantIds(ctx.db, current.id)).includes(row.id))) {
      errors.parent = ["A pool cannot be moved under itself or one of its sub-pools."];
    } else parent = row;
  } else if (requested.parent === undefined && current?.parentId) {
    [parent = null] = await ctx.db.select().from(pools).where(eq(pools.id, current.parentId));
  }

  let groupId: number | undefined;
  const inherited = typeof requested.parent === "number" ? parent?.groupId : current?.groupId;
  if (requested.group !== undefined) {
    if (!(await isUsableGroup(ctx.db, ctx.actor, requested.group))) errors.group = [invalidPkMessage(requested.group)];
    groupId = requested.group;
  } else if (inherited !== undefined) {
    groupId = inherited;
  } else if (!errors.parent) {
    // A top-level pool created without a group goes to the default group, if the actor may use it.
    if (await isUsableGroup(ctx.db, ctx.actor, DEFAULT_GROUP_ID)) groupId = DEFAULT_GROUP_ID;
    else errors.group = ["This field is required."];
  }
  if (parent && groupId !== parent.groupId && !errors.group) {
    errors.group = [`A sub-pool must be in its parent pool's group (${parent.groupId}).`];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { groupId: groupId!, parentId: requested.parent === undefined ? (current?.parentId ?? null) : parent?.id ?? null };
}
