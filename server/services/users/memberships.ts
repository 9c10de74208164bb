import { eq } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { groups, userGroups } from "~/db/schema";
import { assertPksExist } from "~/server/lib/fields";

export async function setUserGroups(db: DbExecutor, userId: number, groupIds: number[]): Promise<void> {
  const unique = [...new Set(groupIds)];
  await assertPksExist(db, groups, groups.id, "groups", unique);
  await db.delete(userGroups).where(eq(userGroups.userId, userId));
  if (unique.length) await db.insert(userGroups).values(unique.map((groupId) => ({ userId, groupId })));
}
