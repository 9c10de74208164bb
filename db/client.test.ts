import { afterEach, describe, expect, it } from "vitest";
import { closeDb, getConnection, reservePoolConnections } from "./client";

describe("the process's database pool", () => {
  const url = process.env.DATABASE_URL;
  afterEach(async () => {
    await closeDb();
    process.env.DATABASE_URL = url;
  });

  it("holds the reserved connections on top of its base size", async () => {
    process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:1/none"; // never contacted: postgres.js connects on the first query
    reservePoolConnections(64);
    expect(getConnection().sql.options.max).toBe(74);
  });

  it("refuses a reservation once the pool is open, since it could no longer grow", async () => {
    process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:1/none";
    getConnection();
    expect(() => reservePoolConnections(8)).toThrow(/open already/);
  });
});
