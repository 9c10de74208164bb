import { asc, getTableColumns, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client";
import { pools, servers } from "~/db/schema";
import { useFreshDatabase } from "~/db/testing/database";
import { createTestServer } from "~/server/testing/inventory";
import { poolListConfig } from "../pools/list";
import { serverListConfig } from "../servers/list";
import { runList } from "./run";
import type { ListConfig } from "./types";

// runList reads rows as plain SQL and decodes them itself: they must be exactly what drizzle's
// select of the same columns answers (timestamps, arrays, nullable numbers, `.mapWith` counts).
let database: Awaited<ReturnType<typeof useFreshDatabase>>;
const system = { kind: "system" } as const;

beforeAll(async () => {
  database = await useFreshDatabase();
  const db = getDb();
  const [rack] = await db.insert(pools).values({ name: "Rack 7", groupId: 1 }).returning();
  await db.insert(pools).values({ name: "Rack 7a", groupId: 1, parentId: rack!.id });
  await createTestServer(db, { name: "a", resourcePoolId: rack!.id, tags: ["web", "rack-7"], memoryGib: 383.5, processorCount: 2, inventoryUpdatedAt: new Date("2026-11-30T12:34:56.789Z") });
  await createTestServer(db, { name: "b", tags: [], memoryGib: null, processorCount: null, inventoryUpdatedAt: null });
});
afterAll(() => database.drop());

async function drizzleRows(config: ListConfig) {
  const { searchText: _searchText, ...columns } = getTableColumns(servers);
  const table = config.table === servers ? columns : getTableColumns(pools);
  return getDb().select({ ...table, ...config.columns }).from(config.table).orderBy(asc(config.primaryKey));
}

describe("runList's rows", () => {
  it.each([
    ["servers", serverListConfig(system)],
    ["pools", poolListConfig(system)],
  ])("are drizzle's rows for %s, paged or not", async (_name, config) => {
    const expected = await drizzleRows(config);
    expect(expected.length).toBeGreaterThan(1);
    const paged = await runList(config, { page_size: "1", page: "2" }, { db: getDb() });
    expect(paged).toMatchObject({ count: expected.length, next: null });
    expect((paged as { results: unknown[] }).results).toEqual([expected[1]]);
    const whole = await runList(config, {}, { db: getDb() });
    expect(Array.isArray(whole) ? whole : whole.results).toEqual(expected);
  });
});

describe("runList's statement", () => {
  it("is prepared on the connection from its second use on, with the same page each time", async () => {
    const query = { search: "a", ordering: "-name", page_size: "1" };
    await getDb().transaction(async (tx) => {
      const first = await runList(serverListConfig(system), query, { db: tx });
      const second = await runList(serverListConfig(system), query, { db: tx });
      expect(second).toEqual(first);
      expect(first).toMatchObject({ count: 1, results: [{ name: "a" }] });
      const statements = await tx.execute(sql`select statement from pg_prepared_statements where statement like '%list_page%' and statement like '%desc%'`);
      expect(statements).toHaveLength(1);
    });
  });
});
