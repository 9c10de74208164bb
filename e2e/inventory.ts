import { createConnection } from "~/db/client";
import { createTestServer } from "~/server/testing/inventory";
import { e2eDatabaseUrl } from "./ui/e2e-database";

/**
 * Servers come from registration, which the e2e server cannot reach here: specs put them straight into
 * the e2e server's own database.
 */
export async function insertServers(servers: Array<Parameters<typeof createTestServer>[1]>): Promise<number[]> {
  const connection = createConnection(e2eDatabaseUrl(), 1);
  try {
    const ids: number[] = [];
    for (const values of servers) ids.push((await createTestServer(connection.db, values)).id);
    return ids;
  } finally {
    await connection.sql.end();
  }
}
