import { and, eq, inArray } from "drizzle-orm";
import { groups } from "~/db/schema";
import { isStaff, type ServiceContext } from "../context";
import { NotFoundError, ValidationError } from "../errors";
import { mapPage, runList, type ListConfig, type ListQuery } from "../list";
import { requireStaff } from "../permissions";
import type { GroupDto } from "./schemas";

export const DEFAULT_GROUP_ID = 1;

export const groupListConfig: ListConfig = {
  table: groups,
  primaryKey: groups.id,
  searchFields: [groups.name],
  filters: { name: { kind: "text", column: groups.name } },
  ordering: { id: groups.id, name: groups.name },
  defaultOrdering: ["name"],
};

const toDto = (row: typeof groups.$inferSelect): GroupDto => ({ id: row.id, name: row.name });

/** Staff see every group; anyone else sees the groups they belong to. */
function groupScope(ctx: ServiceContext) {
  if (isStaff(ctx.actor) || ctx.actor.kind !== "user") return undefined;
  return inArray(groups.id, ctx.actor.groupIds.length ? ctx.actor.groupIds : [-1]);
}

async function findGroup(ctx: ServiceContext, id: number) {
  const [row] = await ctx.db.select().from(groups).where(and(eq(groups.id, id), groupScope(ctx)));
  if (!row) throw new NotFoundError("Group");
  return row;
}

async function assertNameFree(ctx: ServiceContext, name: string, exceptId?: number) {
  const [taken] = await ctx.db.select({ id: groups.id }).from(groups).where(eq(groups.name, name));
  if (taken && taken.id !== exceptId) throw ValidationError.field("name", "group with this name already exists.");
}

export async function listGroups({ ctx, input }: { ctx: ServiceContext; input: ListQuery }) {
  const page = await runList<typeof groups.$inferSelect>(groupListConfig, input, { db: ctx.db, scope: groupScope(ctx), requestUrl: ctx.requestUrl });
  return mapPage(page, (rows) => rows.map(toDto));
}

export async function getGroup({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  return toDto(await findGroup(ctx, input.id));
}

export async function createGroup({ ctx, input }: { ctx: ServiceContext; input: { name: string } }) {
  requireStaff(ctx);
  await assertNameFree(ctx, input.name);
  const [row] = await ctx.db.insert(groups).values({ name: input.name }).returning();
  return toDto(row!);
}

export async function updateGroup({ ctx, input }: { ctx: ServiceContext; input: { id: number; name?: string } }) {
  requireStaff(ctx);
  const current = await findGroup(ctx, input.id);
  if (input.name === undefined) return toDto(current);
  await assertNameFree(ctx, input.name, current.id);
  const [row] = await ctx.db.update(groups).set({ name: input.name }).where(eq(groups.id, current.id)).returning();
  return toDto(row!);
}

export async function deleteGroup({ ctx, input }: { ctx: ServiceContext; input: { id: number } }): Promise<void> {
  requireStaff(ctx);
  const row = await findGroup(ctx, input.id);
  if (row.id === DEFAULT_GROUP_ID) throw ValidationError.field("non_field_errors", "The default group cannot be deleted.");
  await ctx.db.delete(groups).where(eq(groups.id, row.id));
}
