import { sql } from "drizzle-orm";
import { createConnection } from "~/db/client";
import { createTestNode, createTestServer } from "~/server/testing/inventory";
import { e2eDatabaseUrl } from "./ui/e2e-database";

/**
 * Servers come from registration, which the e2e server cannot reach here: specs put them straight into
 * the e2e server's own database. Node addresses follow the database's node ids, not this process's
 * counter, so a Playwright worker restarted after a failure does not reuse an address.
 */
export async function insertServers(servers: Array<Parameters<typeof createTestServer>[1]>): Promise<number[]> {
  const connection = createConnection(e2eDatabaseUrl(), 1);
  try {
    const ids: number[] = [];
    for (const values of servers) {
      const [{ next }] = await connection.db.execute<{ next: number }>(sql`select coalesce(max(id), 0)::int + 1 as next from nodes`);
      const node = await createTestNode(connection.db, { status: "registered", ip: `127.91.${Math.floor(next / 250) % 250}.${(next % 250) + 1}` });
      ids.push((await createTestServer(connection.db, { ...values, nodeId: node.id })).id);
    }
    return ids;
  } finally {
    await connection.sql.end();
  }
}
