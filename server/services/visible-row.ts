import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbExecutor } from "~/db/client";
import { fitsInteger } from "~/server/lib/fields";

type Lock = "update" | "share";

/**
 * One row by id within an actor's scope (optionally row-locked for a write), or undefined. Ids beyond
 * Postgres' integer range name no row (querying with them would fail).
 */
export async function findScopedRow<T extends PgTable & { id: PgColumn }>(
  db: DbExecutor,
  table: T,
  scope: SQL | undefined,
  id: number,
  lock?: Lock,
): Promise<T["$inferSelect"] | undefined> {
  if (!fitsInteger(id)) return undefined;
  const query = db.select().from(table as PgTable).where(and(eq(table.id, id), scope));
  const [row] = await (lock ? query.for(lock) : query);
  return row as T["$inferSelect"] | undefined;
}
