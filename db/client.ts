import { PgDialect } from "drizzle-orm/pg-core";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A database handle or an open transaction: services accept either. */
export type DbExecutor = Database | Transaction;

/** How drizzle names columns in SQL (camelCase properties, snake_case columns). */
export const CASING = "snake_case";
/** A dialect with the connections' casing, to render a statement's fixed parts once (the list helper's select lists). */
export const dialect = new PgDialect({ casing: CASING });

type Connection = { url: string; sql: postgres.Sql; db: Database };

// Kept on globalThis so Next's dev hot-reload reuses one pool instead of leaking a new one per reload.
const holder = globalThis as unknown as { rackpilotDb?: Connection; rackpilotDeferredDb?: Connection };

/** `settings`: session settings every connection of the pool starts with. */
export function createConnection(url: string, max = 10, settings: Record<string, string> = {}): Connection {
  const sql = postgres(url, { max, onnotice: () => {}, connection: { TimeZone: "UTC", ...settings } });
  return { url, sql, db: drizzle(sql, { schema, casing: CASING }) };
}

/** The process's pool kept under `key`, made anew when DATABASE_URL changed. */
function heldConnection(key: keyof typeof holder, settings?: Record<string, string>): Connection {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start through scripts/start.ts or db/bootstrap.ts");
  const held = holder[key];
  if (held && held.url === url) return held;
  return (holder[key] = createConnection(url, 10, settings));
}

export function getConnection(): Connection {
  return heldConnection("rackpilotDb");
}

export function getDb(): Database {
  return getConnection().db;
}

/** The session setting of `getDeferredCommitDb()`, for pools made elsewhere. */
export const DEFERRED_COMMIT = { synchronous_commit: "off" };

/**
 * A pool whose commits do not wait for PostgreSQL to flush them to disk (`synchronous_commit` off), for work that a
 * job redoes from its last flushed state: a PostgreSQL or machine crash loses at most its last fraction of a second
 * (three `wal_writer_delay`s). They are visible to every session at once, and any commit through `getDb()` flushes
 * them too, so a write that must outlive a crash before something leaves the process goes through `getDb()`.
 */
export function getDeferredCommitDb(): Database {
  return heldConnection("rackpilotDeferredDb", DEFERRED_COMMIT).db;
}

/** `url` with `settings` added to its `options`, which a PostgreSQL connection made from the URL starts with. */
export function withSessionSettings(url: string, settings: Record<string, string>): string {
  const parsed = new URL(url);
  const options = Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`);
  parsed.searchParams.set("options", [parsed.searchParams.get("options"), ...options].filter(Boolean).join(" "));
  return parsed.toString();
}

export async function closeDb(): Promise<void> {
  const connections = [holder.rackpilotDb, holder.rackpilotDeferredDb];
  holder.rackpilotDb = undefined;
  holder.rackpilotDeferredDb = undefined;
  await Promise.all(connections.map((connection) => connection?.sql.end({ timeout: 5 })));
}

/**
 * `prepare(db)` run once per database handle and kept with it: for statements a hot path runs again and
 * again, built (drizzle's SQL building is its main cost) and prepared once.
 */
export function oncePerDatabase<T, D extends DbExecutor = Database>(prepare: (db: D) => T): (db: D) => T {
  const built = new WeakMap<D, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) built.set(db, (value = prepare(db)));
    return value;
  };
}
