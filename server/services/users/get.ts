import { and, eq } from "drizzle-orm";
import { users } from "~/db/schema";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { toUserDtos } from "./dto";
import { userScope } from "./list";

export async function findUserRow(ctx: ServiceContext, id: number) {
  const [row] = await ctx.db.select().from(users).where(and(eq(users.id, id), userScope(ctx)));
  if (!row) throw new NotFoundError("User");
  return row;
}

export async function getUser({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  const [dto] = await toUserDtos(ctx.db, [await findUserRow(ctx, input.id)]);
  return dto!;
}
