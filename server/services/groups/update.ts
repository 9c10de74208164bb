import { eq } from "drizzle-orm";
import { groups } from "~/db/schema";
import type { ServiceContext } from "../context";
import { requireStaff } from "../permissions";
import { toGroupDto } from "./dto";
import { findGroupRow } from "./get";
import type { GroupPatchInput } from "./schemas";

export async function updateGroup({ ctx, input }: { ctx: ServiceContext; input: GroupPatchInput & { id: number } }) {
  requireStaff(ctx);
  const current = await findGroupRow(ctx, input.id);
  if (input.name === undefined) return toGroupDto(current);
  const [row] = await ctx.db.update(groups).set({ name: input.name }).where(eq(groups.id, current.id)).returning();
  return toGroupDto(row!);
}
