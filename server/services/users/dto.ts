import { inArray } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { userGroups, type users } from "~/db/schema";
import { isoDateTime, isoDateTimeOrNull } from "~/server/lib/fields";
import type { UserDto } from "./schemas";

type UserRow = typeof users.$inferSelect;

/** Batch-maps rows to DTOs; the password hash has no field in the DTO and so cannot leak. */
export async function toUserDtos(db: DbExecutor, rows: UserRow[]): Promise<UserDto[]> {
  const ids = rows.map((row) => row.id);
  const memberships = ids.length ? await db.select().from(userGroups).where(inArray(userGroups.userId, ids)) : [];
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    email: row.email,
    first_name: row.firstName,
    last_name: row.lastName,
    is_staff: row.isStaff,
    is_active: row.isActive,
    groups: memberships.filter((m) => m.userId === row.id).map((m) => m.groupId).sort((a, b) => a - b),
    date_joined: isoDateTime(row.dateJoined),
    last_login: isoDateTimeOrNull(row.lastLogin),
  }));
}
