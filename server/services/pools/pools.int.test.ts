import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groups, servers, switches } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { updatePool } from "./update";

let api: TestApi;
let admin: string;
let otherGroupId: number;

beforeAll(async () => {
  api = await startTestApi();
  admin = (await createTestUser(api.db, { isStaff: true })).token;
  otherGroupId = (await api.db.insert(groups).values({ name: "lab" }).returning())[0]!.id;
});
afterAll(() => api.close());

const post = (path: string, json: unknown) => api.request("POST", path, { token: admin, json });
const patch = (id: number, json: unknown) => api.request("PATCH", `/api/pool/${id}/`, { token: admin, json });
const create = async (json: Record<string, unknown>) => {
  const response = await post("/api/pool/", json);
  expect(response.status).toBe(201);
  return response.body as { id: number; group: number; parent: number | null; updated_at: string };
};

describe("the seed's pool examples", () => {
  it("create, create_sub_pool, PUT, then DELETE the sub-pool and the pool", async () => {
    const created = await post("/api/pool/", { name: "Production Servers", description: "Production environment servers", group: 1 });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      name: "Production Servers",
      description: "Production environment servers",
      group: 1,
      parent: null,
      sub_pools: [],
      servers_count: 0,
      switches_count: 0,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/),
      updated_at: expect.stringMatching(/Z$/),
    });
    const id = created.body.id;

    const sub = await post(`/api/pool/${id}/create_sub_pool/`, { name: "Linux Servers", description: "Linux production servers" });
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ name: "Linux Servers", description: "Linux production servers", group: 1, parent: id, sub_pools: [] });
    expect((await api.request("GET", `/api/pool/${id}/`, { token: admin })).body.sub_pools).toEqual([sub.body.id]);

    const put = await api.request("PUT", `/api/pool/${id}/`, { token: admin, json: { name: "Updated Pool Name", description: "New description", group: 1 } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id, name: "Updated Pool Name", description: "New description", group: 1, parent: null, sub_pools: [sub.body.id] });

    expect((await api.request("DELETE", `/api/pool/${sub.body.id}/`, { token: admin })).status).toBe(204);
    const deleted = await api.request("DELETE", `/api/pool/${id}/`, { token: admin });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    const gone = await api.request("GET", `/api/pool/${id}/`, { token: admin });
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ detail: "No Pool matches the given query." });
  });

  it("accepts the slash-less paths curl -L clients use", async () => {
    const pool = await create({ name: "slashless", group: 1 });
    expect((await api.request("GET", `/api/pool/${pool.id}`, { token: admin })).status).toBe(200);
    expect((await api.request("POST", `/api/pool/${pool.id}/create_sub_pool`, { token: admin, json: { name: "slashless child" } })).status).toBe(201);
  });
});

describe("pool fields", () => {
  it("reports DRF's messages for a bad name, group or parent", async () => {
    expect((await post("/api/pool/", { group: 1 })).body).toEqual({ name: ["This field is required."] });
    expect((await post("/api/pool/", { name: "   " })).body).toEqual({ name: ["This field may not be blank."] });
    expect((await post("/api/pool/", { name: null })).body).toEqual({ name: ["This field may not be null."] });
    expect((await post("/api/pool/", { name: "x".repeat(257) })).body).toEqual({ name: ["Ensure this field has no more than 256 characters."] });
    expect((await post("/api/pool/", { name: "p", group: "one" })).body).toEqual({ group: ["Incorrect type. Expected pk value, received str."] });
    expect((await post("/api/pool/", { name: "p", group: null })).body).toEqual({ group: ["This field may not be null."] });
    const missing = await post("/api/pool/", { name: "p", group: 999, parent: 998 });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ group: ['Invalid pk "999" - object does not exist.'], parent: ['Invalid pk "998" - object does not exist.'] });
    expect((await post("/api/pool/", { name: "p", group: 99999999999 })).body).toEqual({ group: ['Invalid pk "99999999999" - object does not exist.'] });
  });

  it("defaults description to \"\" and group to the default group (1), trims the name, and ignores read-only keys", async () => {
    const response = await post("/api/pool/", { name: "  Defaults  ", id: 4242, servers_count: 9, sub_pools: [1] });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name: "Defaults", description: "", group: 1, parent: null, sub_pools: [], servers_count: 0 });
    expect(response.body.id).not.toBe(4242);
  });

  it("counts the servers and switches assigned to a pool, not those of its sub-pools", async () => {
    const pool = await create({ name: "Counted" });
    const child = await create({ name: "Counted child", parent: pool.id });
    await api.db.insert(servers).values([{ name: "s1", resourcePoolId: pool.id }, { name: "s2", resourcePoolId: pool.id }, { name: "s3", resourcePoolId: child.id }]);
    await api.db.insert(switches).values({ name: "sw1", resourcePoolId: pool.id });
    const detail = await api.request("GET", `/api/pool/${pool.id}/`, { token: admin });
    expect(detail.body).toMatchObject({ servers_count: 2, switches_count: 1, sub_pools: [child.id] });
    expect((await api.request("GET", `/api/pool/${child.id}/`, { token: admin })).body).toMatchObject({ servers_count: 1, switches_count: 0 });
  });
});

describe("PUT and PATCH", () => {
  it("PUT requires the name; PATCH changes only what is sent; both bump updated_at", async () => {
    const pool = await create({ name: "Mutable", description: "before" });
    const put = await api.request("PUT", `/api/pool/${pool.id}/`, { token: admin, json: { description: "no name" } });
    expect(put.status).toBe(400);
    expect(put.body).toEqual({ name: ["This field is required."] });

    const patched = await patch(pool.id, { description: "after" });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: "Mutable", description: "after", group: 1 });
    expect(patched.body.updated_at > pool.updated_at).toBe(true);

    const noop = await patch(pool.id, {});
    expect(noop.status).toBe(200);
    expect(noop.body).toMatchObject({ name: "Mutable", description: "after" });
    expect(noop.body.updated_at > patched.body.updated_at).toBe(true);
    expect(noop.body.created_at).toBe(patched.body.created_at);
  });

  it("404s for a missing pool and 'Not found.' for a non-integer id", async () => {
    for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
      const response = await api.request(method, "/api/pool/987654/", { token: admin, json: method.startsWith("P") ? { name: "x" } : undefined });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ detail: "No Pool matches the given query." });
    }
    expect((await post("/api/pool/987654/create_sub_pool/", { name: "orphan" })).body).toEqual({ detail: "No Pool matches the given query." });
    expect((await api.request("GET", "/api/pool/abc/", { token: admin })).body).toEqual({ detail: "Not found." });
    // Beyond Postgres' integer range: still "no such pool", never a database error.
    expect((await api.request("GET", "/api/pool/99999999999/", { token: admin })).status).toBe(404);
  });

  it("requires a token", async () => {
    const response = await api.request("GET", "/api/pool/");
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: "Authentication credentials were not provided." });
  });
});

describe("the pool hierarchy", () => {
  it("refuses to make a pool its own ancestor", async () => {
    const root = await create({ name: "Tree root" });
    const child = await create({ name: "Tree child", parent: root.id });
    const grandchild = await create({ name: "Tree grandchild", parent: child.id });
    const message = { parent: ["A pool cannot be moved under itself or one of its sub-pools."] };
    expect((await patch(root.id, { parent: root.id })).body).toEqual(message);
    expect((await patch(root.id, { parent: grandchild.id })).body).toEqual(message);
    expect((await patch(child.id, { parent: grandchild.id })).status).toBe(400);
    const moved = await patch(grandchild.id, { parent: root.id });
    expect(moved.status).toBe(200);
    expect(moved.body.parent).toBe(root.id);
    const detached = await patch(grandchild.id, { parent: null });
    expect(detached.body.parent).toBeNull();
  });

  it("refuses the second of two concurrent moves that together would make a cycle", async () => {
    const first = await create({ name: "Race A" });
    const second = await create({ name: "Race B" });
    const system = (db: ServiceContext["db"]): ServiceContext => ({ actor: { kind: "system" }, db });
    let reverse: Promise<unknown> | undefined;
    await api.db.transaction(async (tx) => {
      await updatePool({ ctx: system(tx), input: { id: first.id, parent: second.id } });
      reverse = updatePool({ ctx: system(api.db), input: { id: second.id, parent: first.id } }).catch((error) => error);
      await until(async () => (await api.db.execute(sql`select 1 from pg_stat_activity where datname = current_database() and wait_event = 'advisory'`)).length > 0);
    });
    const refused = await reverse;
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).body).toEqual({ parent: ["A pool cannot be moved under itself or one of its sub-pools."] });
    expect((await api.request("GET", `/api/pool/${second.id}/`, { token: admin })).body.parent).toBeNull();
  });

  it("keeps a sub-pool in its parent's group and moves a whole subtree with its root", async () => {
    const root = await create({ name: "Group root" });
    const child = await create({ name: "Group child", parent: root.id });
    const mismatch = await post("/api/pool/", { name: "Wrong group child", parent: root.id, group: otherGroupId });
    expect(mismatch.body).toEqual({ group: ["A sub-pool must be in its parent pool's group (1)."] });
    expect((await patch(child.id, { group: otherGroupId })).body).toEqual({ group: ["A sub-pool must be in its parent pool's group (1)."] });

    const moved = await patch(root.id, { group: otherGroupId });
    expect(moved.status).toBe(200);
    expect(moved.body.group).toBe(otherGroupId);
    expect((await api.request("GET", `/api/pool/${child.id}/`, { token: admin })).body.group).toBe(otherGroupId);

    const adopted = await create({ name: "Adopted", group: 1 });
    const reparented = await patch(adopted.id, { parent: root.id });
    expect(reparented.body).toMatchObject({ parent: root.id, group: otherGroupId });
  });
});

describe("deleting a pool", () => {
  it("refuses while it still holds sub-pools, servers or switches, and says what", async () => {
    const pool = await create({ name: "Busy" });
    const child = await create({ name: "Busy child", parent: pool.id });
    await api.db.insert(servers).values([{ name: "b1", resourcePoolId: pool.id }, { name: "b2", resourcePoolId: pool.id }, { name: "b3", resourcePoolId: pool.id }]);
    const refused = await api.request("DELETE", `/api/pool/${pool.id}/`, { token: admin });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ detail: 'Pool "Busy" still has 1 sub-pool and 3 servers: move or delete them first.' });

    await api.db.insert(switches).values([{ name: "bs1", resourcePoolId: child.id }, { name: "bs2", resourcePoolId: child.id }]);
    await api.db.insert(servers).values({ name: "b4", resourcePoolId: child.id });
    expect((await api.request("DELETE", `/api/pool/${child.id}/`, { token: admin })).body).toEqual({
      detail: 'Pool "Busy child" still has 1 server and 2 switches: move or delete them first.',
    });
    expect((await api.request("GET", `/api/pool/${pool.id}/`, { token: admin })).status).toBe(200);
  });
});

describe("listing pools", () => {
  it("searches, filters, orders and pages through the list helper", async () => {
    const parent = await create({ name: "Zeta listing", description: "contains needle-word" });
    const a = await create({ name: "Alpha listing", parent: parent.id });
    const b = await create({ name: "Beta listing", parent: parent.id });
    const other = await create({ name: "Gamma listing", group: otherGroupId });

    const all = await api.request("GET", "/api/pool/?search=listing", { token: admin });
    expect(all.body).toMatchObject({ count: 4, next: null, previous: null });
    expect(all.body.results.map((p: { name: string }) => p.name)).toEqual(["Alpha listing", "Beta listing", "Gamma listing", "Zeta listing"]);

    const byDescription = await api.request("GET", "/api/pool/?search=NEEDLE-word", { token: admin });
    expect(byDescription.body.results.map((p: { id: number }) => p.id)).toEqual([parent.id]);

    const children = await api.request("GET", `/api/pool/?parent=${parent.id}&ordering=-name`, { token: admin });
    expect(children.body.results.map((p: { id: number }) => p.id)).toEqual([b.id, a.id]);
    expect((await api.request("GET", `/api/pool/?group=${otherGroupId}&search=listing`, { token: admin })).body.results.map((p: { id: number }) => p.id)).toEqual([other.id]);
    expect((await api.request("GET", "/api/pool/?parent=&search=listing", { token: admin })).body.count).toBe(4);

    const paged = await api.request("GET", "/api/pool/?search=listing&page_size=3&page=2", { token: admin });
    expect(paged.body.count).toBe(4);
    expect(paged.body.results.map((p: { name: string }) => p.name)).toEqual(["Zeta listing"]);
    expect(paged.body.previous).toBe(`${api.baseUrl}/api/pool/?page_size=3&search=listing`);
  });

  it("rejects a malformed or unknown parent or group filter", async () => {
    const invalid = "Select a valid choice. That choice is not one of the available choices.";
    expect((await api.request("GET", "/api/pool/?parent=abc", { token: admin })).body).toEqual({ parent: [invalid] });
    expect((await api.request("GET", "/api/pool/?parent=99999&group=99999", { token: admin })).body).toEqual({ group: [invalid], parent: [invalid] });
    expect((await api.request("GET", "/api/pool/?parent=99999999999", { token: admin })).body).toEqual({ parent: [invalid] });
  });
});

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; !(await condition()); attempt++) {
    if (attempt > 200) throw new Error("condition never became true");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
