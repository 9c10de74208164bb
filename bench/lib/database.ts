import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startEmbeddedPostgres } from "~/db/bootstrap/embedded";
import { migrateDatabase } from "~/db/migrate";

/**
 * A throw-away embedded PostgreSQL cluster with a migrated `rackpilot` database in a temporary
 * directory, DATABASE_URL pointing at it. `stop()` stops the cluster and removes the directory.
 */
export async function startBenchDatabase(name: string) {
  process.env.RACKPILOT_SECRET ??= "bench-only-secret-0123456789abcdef";
  const dir = mkdtempSync(path.join(os.tmpdir(), `rackpilot-bench-${name}-`));
  chmodSync(dir, 0o755); // as root, Postgres runs as the `postgres` user, which must reach its data dir
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false });
  const admin = postgres(cluster.adminUrl("postgres"), { max: 1, onnotice: () => {} });
  await admin`create database rackpilot`;
  await admin.end();
  const url = cluster.adminUrl("rackpilot");
  await migrateDatabase(url);
  process.env.DATABASE_URL = url;
  return {
    dir,
    url,
    stop: async () => {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
