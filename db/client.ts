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
const holder = globalThis as unknown as { rackpilotDb?: Connection };

export function createConnection(url: string, max = 10): Connection {
  const sql = postgres(url, { max, onnotice: () => {}, connection: { TimeZone: "UTC" } });
  return { url, sql, db: drizzle(sql, { schema, casing: CASING }) };
}

export function getConnection(): Connection {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start through scripts/start.ts or db/bootstrap.ts");
  if (!holder.rackpilotDb || holder.rackpilotDb.url !== url) holder.rackpilotDb = createConnection(url);
  return holder.rackpilotDb;
}

export function getDb(): Database {
  return getConnection().db;
}

export async function closeDb(): Promise<void> {
  const connection = holder.rackpilotDb;
  holder.rackpilotDb = undefined;
  await connection?.sql.end({ timeout: 5 });
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
