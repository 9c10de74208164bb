import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { APP_ROLE } from "../bootstrap/embedded";
import { closeDb } from "../client";

const TEMPLATE_DATABASE = "rackpilot_template";

/**
 * Clones the migrated template into a fresh database for the calling test file and points
 * DATABASE_URL (and so getDb()) at it.
 */
export async function useFreshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject("postgresAdminUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await cloneTemplate(admin, name);
  await admin.end();
  const url = inject("postgresAppUrl").replace(/\/postgres$/, `/${name}`);
  await closeDb();
  process.env.DATABASE_URL = url;
  return {
    url,
    drop: async () => {
      await closeDb();
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.end();
    },
  };
}

async function cloneTemplate(admin: postgres.Sql, name: string): Promise<void> {
  // Concurrent clones of one template can briefly collide ("source database is being accessed").
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database "${name}" template ${TEMPLATE_DATABASE} owner ${APP_ROLE}`);
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50));
    }
  }
}
