import { readFileSync } from "node:fs";
import { createConnection } from "~/db/client";
import { createTestServer } from "~/server/testing/inventory";
import { E2E_PORT } from "../playwright.config";

/**
 * Servers come from registration, which the e2e server cannot reach here: specs put them straight into
 * the e2e server's own database (its embedded PostgreSQL publishes its URL in the data dir).
 */
export async function insertServers(servers: Array<Parameters<typeof createTestServer>[1]>): Promise<number[]> {
  const url = readFileSync(`.rackpilot/e2e-${E2E_PORT}/embedded-database-url`, "utf8").trim();
  const connection = createConnection(url, 1);
  try {
    const ids: number[] = [];
    for (const values of servers) ids.push((await createTestServer(connection.db, values)).id);
    return ids;
  } finally {
    await connection.sql.end();
  }
}
