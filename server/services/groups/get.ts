import { and, eq } from "drizzle-orm";
import { groups } from "~/db/schema";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { toGroupDto } from "./dto";
import { groupScope } from "./list";

export async function findGroupRow(ctx: ServiceContext, id: number) {
  const [row] = await ctx.db.select().from(groups).where(and(eq(groups.id, id), groupScope(ctx)));
  if (!row) throw new NotFoundError("Group");
  return row;
}

export async function getGroup({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  return toGroupDto(await findGroupRow(ctx, input.id));
}
