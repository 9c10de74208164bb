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
  const cluster = await startEmbeddedPostgres({
    dataDir: process.env.RACKPILOT_PG_DIR ?? path.join(dataDir, "pg"),
    persistent: true,
    log: process.env.RACKPILOT_PG_LOG ? log : undefined,
  });
  const url = cluster.adminUrl("rackpilot");
  await createDatabaseIfMissing(cluster.adminUrl("postgres"), "rackpilot");
  await migrateDatabase(url);
  return { url, embedded: true, stop: cluster.stop };
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
