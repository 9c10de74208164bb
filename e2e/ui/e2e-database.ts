import path from "node:path";
import postgres from "postgres";
import { clusterLocation } from "../../db/bootstrap/location";
import { runningOwner } from "../../db/bootstrap/orphan";
import { E2E_PORT } from "../../playwright.config";

/**
 * The e2e server's own embedded database, found the way a second Rackpilot process finds it (its cluster's
 * owner record), for specs that need rows no API creates yet (servers before registration from BMCs exists).
 * Test-only: production serves no such path.
 */
export function e2eDatabaseUrl(): string {
  const owner = runningOwner(clusterLocation(path.resolve(`.rackpilot/e2e-${E2E_PORT}/pg`)).dir);
  if (!owner) throw new Error(`no running e2e server database for port ${E2E_PORT}`);
  return owner.url;
}

export async function withE2eDatabase<T>(use: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    return await use(sql);
  } finally {
    await sql.end();
  }
}
