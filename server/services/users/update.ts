import { eq } from "drizzle-orm";
import { users } from "~/db/schema";
import { hashPassword } from "~/server/auth/passwords";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { requireStaff } from "../permissions";
import { toUserDtos } from "./dto";
import { findUserRow } from "./get";
import { setUserGroups } from "./memberships";
import type { UserUpdateInput } from "./schemas";

/** PUT and PATCH alike change only the fields sent (PUT's schema has already demanded the required ones). */
export async function updateUser({ ctx, input }: { ctx: ServiceContext; input: UserUpdateInput & { id: number } }) {
  requireStaff(ctx);
  const current = await findUserRow(ctx, input.id);
  if (ctx.actor.kind === "user" && ctx.actor.userId === current.id && (input.is_active === false || input.is_staff === false)) {
    // Guards against the last admin locking everyone out by accident.
    throw ValidationError.field(input.is_active === false ? "is_active" : "is_staff", "You cannot remove your own staff or active status.");
  }
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const changes = {
      username: input.username,
      email: input.email,
      firstName: input.first_name,
      lastName: input.last_name,
      isStaff: input.is_staff,
      isActive: input.is_active,
      passwordHash,
    };
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const [row] = Object.keys(defined).length
      ? await tx.update(users).set(defined).where(eq(users.id, current.id)).returning()
      : [current];
    if (input.groups !== undefined) await setUserGroups(tx, current.id, input.groups);
    const [dto] = await toUserDtos(tx, [row!]);
    return dto!;
  });
}
