import { pools } from "~/db/schema";
import type { ServiceContext } from "../context";
import { readPoolDto } from "./dto";
import { resolvePlacement } from "./placement";
import type { PoolCreateInput } from "./schemas";

/** Anyone may create a pool in a group they belong to (staff: any group). */
export async function createPool({ ctx, input }: { ctx: ServiceContext; input: PoolCreateInput }) {
  return ctx.db.transaction(async (tx) => {
    const placement = await resolvePlacement({ ...ctx, db: tx }, { group: input.group, parent: input.parent });
    const [row] = await tx
      .insert(pools)
      .values({ name: input.name, description: input.description ?? "", groupId: placement.groupId, parentId: placement.parentId })
      .returning();
    return (await readPoolDto(tx, row!.id))!;
  });
}
