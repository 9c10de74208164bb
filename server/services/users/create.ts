import { eq } from "drizzle-orm";
import { users } from "~/db/schema";
import { hashPassword } from "~/server/auth/passwords";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { requireStaff } from "../permissions";
import { toUserDtos } from "./dto";
import { setUserGroups } from "./memberships";
import type { UserCreateInput } from "./schemas";

export async function assertUsernameFree(ctx: ServiceContext, username: string, exceptId?: number) {
  const [taken] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (taken && taken.id !== exceptId) throw ValidationError.field("username", "A user with that username already exists.");
}

export async function createUser({ ctx, input }: { ctx: ServiceContext; input: UserCreateInput }) {
  requireStaff(ctx);
  await assertUsernameFree(ctx, input.username);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        passwordHash,
        email: input.email ?? "",
        firstName: input.first_name ?? "",
        lastName: input.last_name ?? "",
        isStaff: input.is_staff ?? false,
        isActive: input.is_active ?? true,
      })
      .returning();
    // New users join the default group unless told otherwise, so they can see shared pools at once.
    await setUserGroups(tx, row!.id, input.groups ?? [1]);
    const [dto] = await toUserDtos(tx, [row!]);
    return dto!;
  });
}
