import type { DbExecutor } from "~/db/client";
import { userGroups, users } from "~/db/schema";
import { hashPassword } from "../auth/passwords";
import { issueToken } from "../auth/tokens";

let counter = 0;

export async function createTestUser(
  db: DbExecutor,
  options: { username?: string; password?: string; isStaff?: boolean; isActive?: boolean; groups?: number[] } = {},
) {
  const password = options.password ?? "correct-horse-battery";
  const [user] = await db
    .insert(users)
    .values({
      username: options.username ?? `user${++counter}_${Date.now()}`,
      passwordHash: await hashPassword(password),
      isStaff: options.isStaff ?? false,
      isActive: options.isActive ?? true,
    })
    .returning();
  const groups = options.groups ?? [1];
  if (groups.length) await db.insert(userGroups).values(groups.map((groupId) => ({ userId: user!.id, groupId })));
  return { ...user!, password, token: await issueToken(user!.id, "access") };
}
