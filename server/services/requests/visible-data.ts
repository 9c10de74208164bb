import { and, inArray } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { servers, type RequestRow } from "~/db/schema";
import { isStaff, type Actor } from "../context";
import { serverScope } from "../servers/scope";

/** The requests' `data` with the server ids the actor cannot see taken out of `servers`, so none leaks. */
export async function visibleData(db: DbExecutor, actor: Actor, rows: RequestRow[]): Promise<Map<number, Record<string, unknown>>> {
  const named = (row: RequestRow) =>
    Array.isArray(row.data.servers) ? (row.data.servers as unknown[]).filter((id): id is number => typeof id === "number") : [];
  const ids = [...new Set(rows.flatMap(named))];
  if (isStaff(actor) || !ids.length) return new Map(rows.map((row) => [row.id, row.data]));
  const seen = new Set(
    (
      await db
        .select({ id: servers.id })
        .from(servers)
        .where(and(inArray(servers.id, ids), serverScope(actor)))
    ).map((row) => row.id),
  );
  return new Map(rows.map((row) => [row.id, Array.isArray(row.data.servers) ? { ...row.data, servers: named(row).filter((id) => seen.has(id)) } : row.data]));
}
