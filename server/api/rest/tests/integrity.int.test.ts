import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groups, pools } from "~/db/schema";
import { constraintViolation } from "~/server/lib/db-errors";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

let api: TestApi;
let admin: string;
let lab: number;

beforeAll(async () => {
  api = await startTestApi();
  admin = (await createTestUser(api.db, { isStaff: true })).token;
  lab = (await api.db.insert(groups).values({ name: "integrity-lab" }).returning())[0]!.id;
});
afterAll(() => api.close());

const failure = (query: Promise<unknown>) => query.then(() => null, (error: unknown) => error);

describe("the database keeps a sub-pool in its parent's group", () => {
  it("refuses a sub-pool whose group is not its parent's, whoever writes it", async () => {
    const [parent] = await api.db.insert(pools).values({ name: "fk parent", groupId: 1 }).returning();
    const refused = await failure(api.db.insert(pools).values({ name: "fk child", groupId: lab, parentId: parent!.id }));
    expect(constraintViolation(refused)?.body).toEqual({ group: ["A sub-pool must be in its parent pool's group."] });
  });

  it("carries a group move down the whole subtree", async () => {
    const [root] = await api.db.insert(pools).values({ name: "cascade root", groupId: 1 }).returning();
    const [child] = await api.db.insert(pools).values({ name: "cascade child", groupId: 1, parentId: root!.id }).returning();
    await api.db.insert(pools).values({ name: "cascade grandchild", groupId: 1, parentId: child!.id });
    await api.db.execute(sql`update pools set group_id = ${lab} where id = ${root!.id}`);
    const rows = await api.db.execute<{ group_id: number }>(sql`select group_id from pools where name like 'cascade %'`);
    expect([...rows].map((row) => Number(row.group_id))).toEqual([lab, lab, lab]);
  });
});

describe("constraint violations become clear 400s in the one error mapping", () => {
  it("deleting a group that still holds pools says so", async () => {
    const group = (await api.request("POST", "/api/groups/", { token: admin, json: { name: "still-used" } })).body.id as number;
    await api.request("POST", "/api/pool/", { token: admin, json: { name: "keeps the group", group } });
    const refused = await api.request("DELETE", `/api/groups/${group}/`, { token: admin });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ detail: "This group is still in use by pools: move or delete them first." });
    expect((await api.request("GET", `/api/groups/${group}/`, { token: admin })).status).toBe(200);
  });

  it("a unique violation names the field with DRF's message, and a missing reference says the id does not exist", async () => {
    await api.db.insert(groups).values({ name: "taken-name" });
    expect(constraintViolation(await failure(api.db.insert(groups).values({ name: "taken-name" }))) ?.body).toEqual({
      name: ["group with this name already exists."],
    });
    expect(constraintViolation(await failure(api.db.insert(pools).values({ name: "orphan", groupId: 987_654 })))?.body).toEqual({
      group: ['Invalid pk "987654" - object does not exist.'],
    });
    expect(constraintViolation(new Error("not a database error"))).toBeUndefined();
  });

  it("concurrent creates of one name: one 201, the others DRF's unique message", async () => {
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => api.request("POST", "/api/firmware_baseline/", { token: admin, json: { name: "raced baseline" } })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, 400, 400, 400]);
    for (const response of responses.filter((r) => r.status === 400)) {
      expect(response.body).toEqual({ name: ["firmware baseline with this name already exists."] });
    }
  });
});

describe("status and kind columns hold only known values", () => {
  it.each([
    ["scan_ranges", sql`insert into scan_ranges (name, ip_from, ip_to, status) values ('bad status', '127.0.0.1', '127.0.0.2', 'bogus')`],
    ["auth_profiles", sql`insert into auth_profiles (node_classification, bmc) values ('x', 'telnet')`],
    ["firmware_binaries", sql`insert into firmware_binaries (name, firmware_type, version, manufacturer, location, checksum, size) values ('x', 'bogus', '1', 'Dell', 'http://127.0.0.1/x', '', 0)`],
  ])("%s refuses an unknown value", async (_table, statement) => {
    const error = (await failure(api.db.execute(statement))) as { cause?: { code?: string } } | null;
    expect(error?.cause?.code).toBe("23514");
  });
});
