import { eq } from "drizzle-orm";
import { users } from "~/db/schema";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { requireStaff } from "../permissions";
import { findUserRow } from "./get";

export async function deleteUser({ ctx, input }: { ctx: ServiceContext; input: { id: number } }): Promise<void> {
  requireStaff(ctx);
  const row = await findUserRow(ctx, input.id);
  if (ctx.actor.kind === "user" && ctx.actor.userId === row.id) {
    throw ValidationError.field("non_field_errors", "You cannot delete your own account.");
  }
  await ctx.db.delete(users).where(eq(users.id, row.id));
}
