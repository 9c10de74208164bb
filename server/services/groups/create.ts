import { groups } from "~/db/schema";
import type { ServiceContext } from "../context";
import { requireStaff } from "../permissions";
import { toGroupDto } from "./dto";
import type { GroupWriteInput } from "./schemas";

export async function createGroup({ ctx, input }: { ctx: ServiceContext; input: GroupWriteInput }) {
  requireStaff(ctx);
  const [row] = await ctx.db.insert(groups).values({ name: input.name }).returning();
  return toGroupDto(row!);
}
