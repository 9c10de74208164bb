import { inArray } from "drizzle-orm";
import { groups } from "~/db/schema";
import { isStaff, type ServiceContext } from "../context";
import { mapPage, runList, type ListConfig, type ListQuery } from "../list";
import { toGroupDto } from "./dto";

export const groupListConfig: ListConfig = {
  table: groups,
  primaryKey: groups.id,
  searchFields: [groups.name],
  filters: { name: { kind: "text", column: groups.name } },
  ordering: { id: groups.id, name: groups.name },
  defaultOrdering: ["name"],
};

/** Staff see every group; anyone else sees the groups they belong to. */
export function groupScope(ctx: Pick<ServiceContext, "actor">) {
  if (isStaff(ctx.actor) || ctx.actor.kind !== "user") return undefined;
  return inArray(groups.id, ctx.actor.groupIds.length ? ctx.actor.groupIds : [-1]);
}

export async function listGroups({ ctx, input }: { ctx: ServiceContext; input: ListQuery }) {
  const page = await runList<typeof groups.$inferSelect>(groupListConfig, input, { db: ctx.db, scope: groupScope(ctx), requestUrl: ctx.requestUrl });
  return mapPage(page, (rows) => rows.map(toGroupDto));
}
