import { eq, sql } from "drizzle-orm";
import { pools } from "~/db/schema";
import type { ServiceContext } from "../context";
import { toPoolDto } from "./dto";
import { findPoolRow } from "./get";
import { lockPoolHierarchy } from "./hierarchy";
import { resolvePlacement } from "./placement";
import type { PoolUpdateInput } from "./schemas";

/**
 * PUT and PATCH alike change only the sent fields; `updated_at` changes on every update, as Django's
 * auto_now does. A new group reaches the whole subtree through the pools_parent_group_fk cascade.
 */
export async function updatePool({ ctx, input }: { ctx: ServiceContext; input: PoolUpdateInput }) {
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    if (input.parent !== undefined) await lockPoolHierarchy(tx);
    const current = await findPoolRow(scoped, input.id, "update");
    const placement = await resolvePlacement(scoped, { group: input.group, parent: input.parent }, current);
    const [row] = await tx
      .update(pools)
      .set({
        name: input.name,
        description: input.description,
        groupId: placement.groupId,
        parentId: placement.parentId,
        updatedAt: sql`clock_timestamp()`,
      })
      .where(eq(pools.id, current.id))
      .returning();
    return toPoolDto(tx, ctx.actor, row!);
  });
}
