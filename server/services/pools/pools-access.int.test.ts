import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { groups, pools } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

/**
 * The access matrix: `alice` is in the default group (1), `bob` only in `lab`. Neither may learn
 * anything about the other's pools; staff see and manage both.
 */
let api: TestApi;
let staff: string;
let alice: string;
let bob: string;
let loner: string;
let labGroup: number;
let alicePool: number;
let bobPool: number;
let bobChild: number;

const NO_POOL = { detail: "No Pool matches the given query." };
const INVALID_CHOICE = ["Select a valid choice. That choice is not one of the available choices."];
const MISSING_ID = 2_000_000;

beforeAll(async () => {
  api = await startTestApi();
  labGroup = (await api.db.insert(groups).values({ name: "lab" }).returning())[0]!.id;
  staff = (await createTestUser(api.db, { isStaff: true, groups: [] })).token;
  alice = (await createTestUser(api.db, { groups: [1] })).token;
  bob = (await createTestUser(api.db, { groups: [labGroup] })).token;
  loner = (await createTestUser(api.db, { groups: [] })).token;
  alicePool = (await api.request("POST", "/api/pool/", { token: alice, json: { name: "Alice pool", description: "shared-word" } })).body.id;
  const created = await api.request("POST", "/api/pool/", { token: bob, json: { name: "Bob secret pool", description: "shared-word", group: labGroup } });
  expect(created.status).toBe(201);
  bobPool = created.body.id;
  bobChild = (await api.request("POST", `/api/pool/${bobPool}/create_sub_pool/`, { token: bob, json: { name: "Bob child" } })).body.id;
});
afterAll(() => api.close());

const names = (body: { results: Array<{ name: string }> }) => body.results.map((pool) => pool.name);
const stillNamed = async (id: number, name: string) => {
  const [row] = await api.db.select().from(pools).where(eq(pools.id, id));
  expect(row?.name).toBe(name);
};

describe("what a user sees", () => {
  it("lists only pools of the user's groups, whatever the search, filter or ordering", async () => {
    expect(names((await api.request("GET", "/api/pool/", { token: alice })).body)).toEqual(["Alice pool"]);
    expect(names((await api.request("GET", "/api/pool/", { token: bob })).body)).toEqual(["Bob child", "Bob secret pool"]);
    expect((await api.request("GET", "/api/pool/?search=secret", { token: alice })).body).toEqual({ count: 0, next: null, previous: null, results: [] });
    expect(names((await api.request("GET", "/api/pool/?search=shared-word&ordering=-id", { token: alice })).body)).toEqual(["Alice pool"]);
    expect((await api.request("GET", "/api/pool/?page=last&page_size=1", { token: alice })).body.count).toBe(1);
    expect((await api.request("GET", "/api/pool/", { token: loner })).body.count).toBe(0);
    expect(names((await api.request("GET", "/api/pool/?ordering=name", { token: staff })).body)).toEqual(["Alice pool", "Bob child", "Bob secret pool"]);
  });

  it("rejects another group's pool or group in ?parent= / ?group= exactly like ids that do not exist", async () => {
    for (const query of [`parent=${bobPool}`, `parent=${MISSING_ID}`]) {
      const response = await api.request("GET", `/api/pool/?${query}`, { token: alice });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ parent: INVALID_CHOICE });
    }
    for (const query of [`group=${labGroup}`, `group=${MISSING_ID}`]) {
      expect((await api.request("GET", `/api/pool/?${query}`, { token: alice })).body).toEqual({ group: INVALID_CHOICE });
    }
    expect(names((await api.request("GET", `/api/pool/?parent=${bobPool}`, { token: bob })).body)).toEqual(["Bob child"]);
    expect(names((await api.request("GET", `/api/pool/?parent=${bobPool}`, { token: staff })).body)).toEqual(["Bob child"]);
  });

  it("answers 404 for another group's pool on every route, exactly as for a missing one", async () => {
    for (const id of [bobPool, bobChild, MISSING_ID]) {
      const requests = [
        api.request("GET", `/api/pool/${id}/`, { token: alice }),
        api.request("PUT", `/api/pool/${id}/`, { token: alice, json: { name: "taken over", group: 1 } }),
        api.request("PATCH", `/api/pool/${id}/`, { token: alice, json: { name: "taken over" } }),
        api.request("DELETE", `/api/pool/${id}/`, { token: alice }),
        api.request("POST", `/api/pool/${id}/create_sub_pool/`, { token: alice, json: { name: "intruder" } }),
      ];
      for (const response of await Promise.all(requests)) {
        expect(response.status).toBe(404);
        expect(response.body).toEqual(NO_POOL);
      }
    }
    // The pool is looked up before the body is read: an invalid body does not reveal it either.
    expect((await api.request("PATCH", `/api/pool/${bobPool}/`, { token: alice, json: { name: "" } })).body).toEqual(NO_POOL);
    expect((await api.request("POST", `/api/pool/${bobPool}/create_sub_pool/`, { token: alice, json: {} })).body).toEqual(NO_POOL);
    await stillNamed(bobPool, "Bob secret pool");
    await stillNamed(bobChild, "Bob child");
    expect((await api.request("GET", `/api/pool/?parent=${bobPool}`, { token: bob })).body.count).toBe(1);
  });
});

describe("where a user may put a pool", () => {
  it("refuses another group as if it did not exist, on create and on update", async () => {
    const body = { group: [`Invalid pk "${labGroup}" - object does not exist.`] };
    expect((await api.request("POST", "/api/pool/", { token: alice, json: { name: "Sneaky", group: labGroup } })).body).toEqual(body);
    const moved = await api.request("PATCH", `/api/pool/${alicePool}/`, { token: alice, json: { group: labGroup } });
    expect(moved.status).toBe(400);
    expect(moved.body).toEqual(body);
    expect((await api.request("GET", `/api/pool/${alicePool}/`, { token: alice })).body.group).toBe(1);
  });

  it("refuses another group's pool as a parent as if it did not exist", async () => {
    const body = { parent: [`Invalid pk "${bobPool}" - object does not exist.`] };
    expect((await api.request("POST", "/api/pool/", { token: alice, json: { name: "Nested", parent: bobPool } })).body).toEqual(body);
    expect((await api.request("PATCH", `/api/pool/${alicePool}/`, { token: alice, json: { parent: bobPool } })).body).toEqual(body);
    expect((await api.request("GET", `/api/pool/${bobPool}/`, { token: bob })).body.sub_pools).toEqual([bobChild]);
  });

  it("asks a user outside the default group to name a group", async () => {
    expect((await api.request("POST", "/api/pool/", { token: loner, json: { name: "Nowhere" } })).body).toEqual({ group: ["This field is required."] });
    expect((await api.request("POST", "/api/pool/", { token: loner, json: { name: "Nowhere", group: 1 } })).body).toEqual({
      group: ['Invalid pk "1" - object does not exist.'],
    });
  });

  it("lets members manage their own group's pools", async () => {
    const created = await api.request("POST", "/api/pool/", { token: bob, json: { name: "Bob scratch", group: labGroup } });
    expect(created.status).toBe(201);
    const renamed = await api.request("PATCH", `/api/pool/${created.body.id}/`, { token: bob, json: { name: "Bob scratch 2" } });
    expect(renamed.body.name).toBe("Bob scratch 2");
    expect((await api.request("DELETE", `/api/pool/${created.body.id}/`, { token: bob })).status).toBe(204);
  });

  it("lets staff manage and move pools of any group", async () => {
    const created = await api.request("POST", "/api/pool/", { token: staff, json: { name: "Staff made", group: labGroup } });
    expect(created.status).toBe(201);
    expect((await api.request("GET", `/api/pool/${created.body.id}/`, { token: bob })).status).toBe(200);
    const moved = await api.request("PATCH", `/api/pool/${created.body.id}/`, { token: staff, json: { group: 1 } });
    expect(moved.body.group).toBe(1);
    expect((await api.request("GET", `/api/pool/${created.body.id}/`, { token: bob })).status).toBe(404);
    expect((await api.request("GET", `/api/pool/${created.body.id}/`, { token: alice })).status).toBe(200);
    expect((await api.request("DELETE", `/api/pool/${created.body.id}/`, { token: staff })).status).toBe(204);
  });
});
