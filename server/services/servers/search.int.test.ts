import { asc, eq, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client";
import { servers } from "~/db/schema";
import { useFreshDatabase } from "~/db/testing/database";
import { createTestNode, createTestServer } from "~/server/testing/inventory";
import { searchCondition } from "../list/search";
import { serverListConfig } from "./list";

// The stored search text and the BMC URL's alphabet are shortcuts: for every search they must find
// exactly what an ILIKE on each field (DRF's icontains over search_fields) finds.
const config = serverListConfig({ kind: "system" });
const plainFields = config.searchFields.map((field) => ("alphabet" in field ? field.expression : field));

let database: Awaited<ReturnType<typeof useFreshDatabase>>;

async function matching(condition: SQL | undefined): Promise<number[]> {
  const rows = await getDb().select({ id: servers.id }).from(servers).where(condition).orderBy(asc(servers.id));
  return rows.map((row) => row.id);
}

const fieldByField = (search: string) => matching(searchCondition(search, plainFields));
const asListed = (search: string) => matching(searchCondition(search, config.searchFields, config.searchText));

beforeAll(async () => {
  database = await useFreshDatabase();
  const db = getDb();
  const node = (ip: string, port: number) => createTestNode(db, { ip, port, status: "registered" }).then((row) => row.id);
  await createTestServer(db, { name: "r750-a", manufacturer: "Dell", model: "PowerEdge R750", sku: "ABC123", serialNumber: "SN-1", nodeId: await node("127.77.3.9", 8443) });
  await createTestServer(db, { name: "ǅ-ΟΔΟΣ-İstanbul", manufacturer: "HPE", model: "ProLiant DL380 Gen10", nodeId: await node("::ffff:127.77.3.10", 443) });
  await createTestServer(db, { name: "straße", model: "MASSE", sku: "ÅNGSTRÖM", serialNumber: "\u212AELVIN", nodeId: await node("::1", 5443) });
  await createTestServer(db, { name: "50%_off\\path", manufacturer: "Supermicro", model: "SYS_120U" });
  await createTestServer(db, { name: "left\u001fright", model: "sep", sku: "a\u001fb" });
  await createTestServer(db, { name: "ends-with-sep\u001f", model: "\u001fstarts-with-sep", manufacturer: "Lenovo" });
});
afterAll(() => database.drop());

describe("server search through the stored search text", () => {
  it.each([
    "PowerEdge", "poweredge r750", '"edge r7"', "dell,hpe", "dell hpe", "e", "ABC", "sn-1", "POWEREDGE,R750",
    "ΟΔΟΣ", "οδος", "οδοσ", "ΟΣ", "ǅ", "ǆ", "Ǆ", "İ", "i̇stanbul", "istanbul", "ß", "SS", "strasse", "MASSE", "Å", "ångström", "K", "kelvin", "\u212A",
    "%", "_", "\\", "50%_", "%_off", "\\path", "SYS_1", "sys%",
    "\u001f", "left\u001fright", "t\u001fr", "a\u001fb", "sep\u001f", "\u001fstarts", "-sep\u001f\u001fstarts", "p\u001fs",
    "127.77", "127.77.3.9:8443", "https://[::", "[::ffff:127.77.3.10]:443", "[::1]", ":8443", "HTTPS://", "ff", "FFFF", "https", "s://1",
  ])("%j finds what an ILIKE on each field finds", async (search) => {
    expect(await asListed(search)).toEqual(await fieldByField(search));
  });

  it("finds servers through the stored text, the separator fallback and the BMC URL", async () => {
    // Not vacuous: these searches do find servers, by each path.
    expect(await asListed("poweredge")).toHaveLength(1);
    expect(await asListed("t\u001fr")).toHaveLength(1);
    expect(await asListed("[::1]:5443")).toHaveLength(1);
    expect(await asListed("127.77")).toHaveLength(2);
  });

  it("keeps the stored text right when a server is renamed", async () => {
    const db = getDb();
    const [server] = await db.update(servers).set({ name: "Renamed-ÉTÉ" }).where(eq(servers.name, "r750-a")).returning();
    expect(server!.searchText).toBe("renamed-été\u001fpoweredge r750\u001fsn-1\u001fdell\u001fabc123");
    expect(await asListed("été")).toEqual([server!.id]);
    expect(await asListed("r750-a")).toEqual(await fieldByField("r750-a"));
  });
});
