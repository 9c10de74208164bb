import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { migrateDatabase } from "../migrate";
import { startEmbeddedPostgres } from "./embedded";

export type DatabaseHandle = { url: string; embedded: boolean; stop: () => Promise<void> };

/**
 * Uses DATABASE_URL when set; otherwise starts the embedded PostgreSQL in `<dataDir>/pg`
 * (or RACKPILOT_PG_DIR). Either way the schema is migrated before this returns.
 */
export async function bootstrapDatabase(dataDir: string, log: (line: string) => void): Promise<DatabaseHandle> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await migrateDatabase(external);
    return { url: external, embedded: false, stop: async () => {} };
  }
  const pgDir = process.env.RACKPILOT_PG_DIR ?? path.join(dataDir, "pg");
  const urlFile = path.join(pgDir, "..", "embedded-database-url");
  // Another Rackpilot process (`npm start`) already runs this cluster: share it rather than fight for the lock.
  if (existsSync(path.join(pgDir, "postmaster.pid")) && existsSync(urlFile)) {
    const url = readFileSync(urlFile, "utf8").trim();
    if (await reachable(url)) return { url, embedded: true, stop: async () => {} };
  }
  const cluster = await startEmbeddedPostgres({
    dataDir: pgDir,
    persistent: true,
    log: process.env.RACKPILOT_PG_LOG ? log : undefined,
  });
  const url = cluster.adminUrl("rackpilot");
  await createDatabaseIfMissing(cluster.adminUrl("postgres"), "rackpilot");
  await migrateDatabase(url);
  writeFileSync(urlFile, url, { mode: 0o600 });
  return {
    url,
    embedded: true,
    stop: async () => {
      rmSync(urlFile, { force: true });
      await cluster.stop();
    },
  };
}

async function reachable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end();
  }
}

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!row) await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end();
  }
}
