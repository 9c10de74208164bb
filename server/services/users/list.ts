import { eq, sql } from "drizzle-orm";
import { groups, userGroups, users } from "~/db/schema";
import { isStaff, type ServiceContext } from "../context";
import { groupScope } from "../groups/list";
import { mapPage, runList, type ListConfig, type ListQuery } from "../list";
import { toUserDtos } from "./dto";

/** The filters and ordering of the user list; `groups` accepts only the groups the actor can see. */
export const userListConfig = (ctx?: ServiceContext): ListConfig => ({
  table: users,
  primaryKey: users.id,
  searchFields: [users.username, users.email, users.firstName, users.lastName],
  filters: {
    username: { kind: "text", column: users.username },
    is_staff: { kind: "boolean", column: users.isStaff },
    is_active: { kind: "boolean", column: users.isActive },
    groups: {
      kind: "relation",
      references: groups,
      column: users.id,
      where: (groupId) => sql`exists (select 1 from ${userGroups} where ${userGroups.userId} = ${users.id} and ${userGroups.groupId} = ${groupId})`,
      visible: ctx && groupScope(ctx),
      description: "Users that belong to this group id.",
    },
  },
  ordering: { id: users.id, username: users.username, email: users.email, date_joined: users.dateJoined, last_login: users.lastLogin },
  defaultOrdering: ["username"],
});

/** Staff see every user; anyone else sees only themselves. */
export function userScope(ctx: ServiceContext) {
  return isStaff(ctx.actor) || ctx.actor.kind !== "user" ? undefined : eq(users.id, ctx.actor.userId);
}

export async function listUsers({ ctx, input }: { ctx: ServiceContext; input: ListQuery }) {
  const page = await runList<typeof users.$inferSelect>(userListConfig(ctx), input, { db: ctx.db, scope: userScope(ctx), requestUrl: ctx.requestUrl });
  return mapPage(page, (rows) => toUserDtos(ctx.db, rows));
}
