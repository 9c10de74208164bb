import { migrate } from "drizzle-orm/postgres-js/migrator";
import { Logger, runMigrations } from "graphile-worker";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createConnection } from "./client";

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
const silentLogger = new Logger(() => () => {});

/** Brings a database up to date: Rackpilot's tables and graphile-worker's own schema. */
export async function migrateDatabase(url: string): Promise<void> {
  const connection = createConnection(url, 1);
  try {
    await migrate(connection.db, { migrationsFolder });
  } finally {
    await connection.sql.end();
  }
  await runMigrations({ connectionString: url, logger: silentLogger });
}
