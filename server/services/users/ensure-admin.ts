import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { userGroups, users } from "~/db/schema";
import { hashPassword } from "~/server/auth/passwords";
import { env } from "~/server/env";

export type AdminBootstrap = { created: false } | { created: true; username: string; generatedPassword: string | null };

/**
 * On first start (no users at all) creates the staff admin from RACKPILOT_ADMIN_USER /
 * RACKPILOT_ADMIN_PASSWORD, or `admin` with a random password that the caller prints once.
 */
export async function ensureAdmin(db: DbExecutor): Promise<AdminBootstrap> {
  const [{ count }] = (await db.select({ count: sql<number>`count(*)`.mapWith(Number) }).from(users)) as [{ count: number }];
  if (count > 0) return { created: false };
  const username = env("RACKPILOT_ADMIN_USER");
  const configured = env("RACKPILOT_ADMIN_PASSWORD");
  const generatedPassword = configured ? null : randomBytes(12).toString("base64url");
  const password = configured ?? generatedPassword!;
  const [admin] = await db
    .insert(users)
    .values({ username, passwordHash: await hashPassword(password), isStaff: true })
    .onConflictDoNothing()
    .returning();
  if (!admin) return { created: false };
  await db.insert(userGroups).values({ userId: admin.id, groupId: 1 });
  return { created: true, username, generatedPassword };
}
