import { users } from "~/db/schema";
import { hashPassword } from "~/server/auth/passwords";
import type { ServiceContext } from "../context";
import { DEFAULT_GROUP_ID } from "../groups/default-group";
import { requireStaff } from "../permissions";
import { toUserDtos } from "./dto";
import { setUserGroups } from "./memberships";
import type { UserCreateInput } from "./schemas";

export async function createUser({ ctx, input }: { ctx: ServiceContext; input: UserCreateInput }) {
  requireStaff(ctx);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    // The unique constraint, not an earlier read, decides whether the username is taken.
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
    await setUserGroups(tx, row!.id, input.groups ?? [DEFAULT_GROUP_ID]);
    const [dto] = await toUserDtos(tx, [row!]);
    return dto!;
  });
}
