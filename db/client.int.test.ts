import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, getDb, getDeferredCommitDb, withSessionSettings } from "~/db/client";
import { requests } from "~/db/schema";
import { useFreshDatabase } from "~/db/testing/database";

let url: string;
let drop: () => Promise<void>;
beforeAll(async () => ({ url, drop } = await useFreshDatabase()));
afterAll(() => drop());

const synchronousCommit = async (db: Database) => (await db.execute<{ synchronous_commit: string }>(sql`show synchronous_commit`))[0]!.synchronous_commit;

describe("the two pools", () => {
  it("commit through getDb() waiting for the WAL flush, and through getDeferredCommitDb() without waiting", async () => {
    // Every connection of each pool: run as many statements at once as the pool has connections.
    const settings = async (db: Database) => new Set(await Promise.all(Array.from({ length: 10 }, () => synchronousCommit(db))));
    expect(await settings(getDb())).toEqual(new Set(["on"]));
    expect(await settings(getDeferredCommitDb())).toEqual(new Set(["off"]));
  });

  it("see each other's commits at once", async () => {
    const [written] = await getDeferredCommitDb().insert(requests).values({ type: "firmware_update", status: "running", data: {} }).returning();
    expect((await getDb().select({ status: requests.status }).from(requests).where(eq(requests.id, written!.id)))[0]).toEqual({ status: "running" });
    await getDb().update(requests).set({ status: "succeeded" }).where(eq(requests.id, written!.id));
    expect((await getDeferredCommitDb().select({ status: requests.status }).from(requests).where(eq(requests.id, written!.id)))[0]).toEqual({ status: "succeeded" });
  });
});

describe("withSessionSettings", () => {
  it("adds the settings to the URL's options, keeping the options and credentials it had", async () => {
    const withOwnOption = withSessionSettings(url, { lock_timeout: "1234" });
    const connection = postgres(withSessionSettings(withOwnOption, { synchronous_commit: "off" }), { max: 1, onnotice: () => {} });
    try {
      const rows = await connection`select current_setting('synchronous_commit') as commit, current_setting('lock_timeout') as lock_timeout`;
      expect([...rows]).toEqual([{ commit: "off", lock_timeout: "1234ms" }]);
    } finally {
      await connection.end();
    }
  });
});
