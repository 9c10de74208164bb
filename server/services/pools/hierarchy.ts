import { eq, sql } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { pools } from "~/db/schema";

// Any transaction that changes a pool's parent holds this, so two concurrent moves cannot build a cycle.
const HIERARCHY_LOCK_KEY = 7_201_001;

export async function lockPoolHierarchy(db: DbExecutor): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${HIERARCHY_LOCK_KEY})`);
}

/** Every pool below `id`, at any depth. */
export async function descendantIds(db: DbExecutor, id: number): Promise<number[]> {
  const rows = await db.execute<{ id: number }>(sql`
    with recursive tree(id) as (
      select id from pools where parent_id = ${id}
      union
      select child.id from pools child join tree on child.parent_id = tree.id
    )
    select id from tree`);
  return [...rows].map((row) => Number(row.id));
}

export async function childCount(db: DbExecutor, id: number): Promise<number> {
  return db.$count(pools, eq(pools.parentId, id));
}
