import { and, asc, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { pools, type servers, type switches } from "~/db/schema";
import { fitsInteger, invalidPkError } from "~/server/lib/fields";
import type { ServiceContext } from "../context";
import { requireStaff } from "../permissions";
import { findPoolRow } from "./get";
import { findVisiblePool, poolScope } from "./scope";

/** What pools hold, each by its own table and the key that names it in reports. */
export type Member = { table: typeof servers | typeof switches; key: "server" | "switch"; scope: SQL | undefined };

type PoolRef = { id: number | null; name: string | null };
export type AssignReport<K extends string> = { assigned: number[]; already_in_pool: Array<Record<K, number> & { pool: PoolRef }>; not_found: number[] };
export type RemoveReport<K extends string> = { removed: number[]; refused: Array<Record<K, number> & { reason: string }>; not_found: number[] };

const unique = (ids: number[]) => [...new Set(ids)];

/**
 * The pool a write puts one member in (`resource_pool`), share-locked so it cannot be deleted before
 * the write commits; a pool the actor cannot see reads as nonexistent.
 */
export async function lockTargetPool(ctx: ServiceContext, poolId: number): Promise<void> {
  if (!(await findVisiblePool(ctx.db, ctx.actor, poolId, "share"))) {
    throw invalidPkError("resource_pool", poolId);
  }
}

/** Each given id that names something, mapped to the members it stands for (a node: its servers). */
export type Resolver = (db: DbExecutor, ids: number[]) => Promise<Map<number, number[]>>;

/** Given ids that are member ids the actor can see. */
export const byMemberId =
  (member: Member): Resolver =>
  async (db, ids) => {
    const rows = await db.select({ id: member.table.id }).from(member.table).where(and(inArray(member.table.id, ids), member.scope));
    return new Map(rows.map((row) => [row.id, [row.id]]));
  };

/**
 * Puts members into a pool (staff only). One already in another pool stays there and is reported with
 * that pool, which reads `{id: null, name: null}` when the caller cannot see it; one already in this
 * pool counts as assigned, so a repeated call reports the same.
 */
export async function assignToPool<K extends Member["key"]>(
  ctx: ServiceContext,
  member: Member & { key: K },
  poolId: number,
  ids: number[],
  resolve: Resolver,
): Promise<AssignReport<K>> {
  return ctx.db.transaction(async (tx) => {
    // The share lock keeps the pool from being deleted until the members are in it.
    const pool = await findPoolRow({ ...ctx, db: tx }, poolId, "share");
    requireStaff(ctx);
    const given = unique(ids);
    const resolved = await resolve(tx, given.filter(fitsInteger));
    const memberIds = unique(given.flatMap((id) => resolved.get(id) ?? []));
    const current = await lockMembers(tx, member, memberIds);
    const assigned = memberIds.filter((id) => current.get(id) === null || current.get(id) === pool.id);
    const elsewhere = memberIds.filter((id) => !assigned.includes(id));
    if (assigned.length) {
      await tx
        .update(member.table)
        .set({ resourcePoolId: pool.id, updatedAt: sql`clock_timestamp()` })
        .where(and(inArray(member.table.id, assigned), isNull(member.table.resourcePoolId)));
    }
    const names = await visiblePoolNames(tx, ctx, elsewhere.map((id) => current.get(id)!));
    return {
      assigned,
      already_in_pool: elsewhere.map((id) => ({ [member.key]: id, pool: { id: null, name: null, ...names.get(current.get(id)!) } }) as Record<K, number> & { pool: PoolRef }),
      not_found: given.filter((id) => !resolved.get(id)?.length),
    };
  });
}

/**
 * Takes members out of their pools (staff only), except those `refuse` gives a reason for. One in no
 * pool counts as removed; ids the actor cannot see are not found.
 */
export async function removeFromPools<K extends Member["key"]>(
  ctx: ServiceContext,
  member: Member & { key: K },
  ids: number[],
  refuse: (db: DbExecutor, memberIds: number[]) => Promise<Map<number, string>> = async () => new Map(),
): Promise<RemoveReport<K>> {
  requireStaff(ctx);
  return ctx.db.transaction(async (tx) => {
    const given = unique(ids);
    const found = await byMemberId(member)(tx, given.filter(fitsInteger));
    const current = await lockMembers(tx, member, [...found.keys()]);
    const pooled = [...current].filter(([, poolId]) => poolId !== null).map(([id]) => id);
    const reasons = await refuse(tx, pooled);
    const removed = given.filter((id) => current.has(id) && !reasons.has(id));
    if (removed.length) {
      await tx
        .update(member.table)
        .set({ resourcePoolId: null, updatedAt: sql`clock_timestamp()` })
        .where(and(inArray(member.table.id, removed), isNotNull(member.table.resourcePoolId)));
    }
    return {
      removed,
      refused: given.filter((id) => reasons.has(id)).map((id) => ({ [member.key]: id, reason: reasons.get(id)! }) as Record<K, number> & { reason: string }),
      not_found: given.filter((id) => !current.has(id)),
    };
  });
}

/** Row-locks the members (in id order, so concurrent calls cannot deadlock) and reads their pools. */
async function lockMembers(db: DbExecutor, member: Member, ids: number[]): Promise<Map<number, number | null>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: member.table.id, poolId: member.table.resourcePoolId })
    .from(member.table)
    .where(inArray(member.table.id, ids))
    .orderBy(asc(member.table.id))
    .for("update");
  return new Map(rows.map((row) => [row.id, row.poolId]));
}

async function visiblePoolNames(db: DbExecutor, ctx: ServiceContext, ids: number[]): Promise<Map<number, PoolRef>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: pools.id, name: pools.name }).from(pools).where(and(inArray(pools.id, unique(ids)), poolScope(ctx.actor)));
  return new Map(rows.map((row) => [row.id, row]));
}
