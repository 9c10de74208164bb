import { readFileSync } from "node:fs";
import postgres from "postgres";
import { E2E_PORT } from "../../playwright.config";

/**
 * The e2e server's own embedded database (its URL is kept in the data dir while it runs), for specs
 * that need rows no API creates yet (servers before registration from BMCs exists). Test-only: it
 * reads the file the Playwright web server's data dir holds; production has no such path.
 */
export async function withE2eDatabase<T>(use: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const url = readFileSync(`.rackpilot/e2e-${E2E_PORT}/embedded-database-url`, "utf8").trim();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await use(sql);
  } finally {
    await sql.end();
  }
}
