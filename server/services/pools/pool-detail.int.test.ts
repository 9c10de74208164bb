import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pools, switches } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestServer } from "~/server/testing/inventory";

let api: TestApi;
let staff: string;
let member: string;
let top: number;
let child: number;

const INVALID_CHOICE = "Select a valid choice. That choice is not one of the available choices.";

beforeAll(async () => {
  api = await startTestApi();
  staff = (await createTestUser(api.db, { isStaff: true, groups: [] })).token;
  member = (await createTestUser(api.db, { groups: [1] })).token;
  top = (await api.db.insert(pools).values({ name: "DC1", groupId: 1 }).returning())[0]!.id;
  child = (await api.db.insert(pools).values({ name: "Row B", groupId: 1, parentId: top }).returning())[0]!.id;
});
afterAll(() => api.close());

describe("GET /api/pool/{id}/", () => {
  it("returns the pool's servers and switches as short summaries, by name; the list stays light", async () => {
    const b = await createTestServer(api.db, { name: "b-node", resourcePoolId: top, protected: true, model: "PowerEdge R650" });
    const a = await createTestServer(api.db, { name: "a-node", resourcePoolId: top, manufacturer: "HPE", model: "ProLiant DL380 Gen10", powerState: "Off" });
    await createTestServer(api.db, { name: "in-child", resourcePoolId: child });
    await api.db.insert(switches).values({ name: "tor-1", manufacturer: "Arista", model: "7050", managementIp: "127.0.5.9", resourcePoolId: top });
    const detail = await api.request("GET", `/api/pool/${top}/`, { token: member });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: top, name: "DC1", servers_count: 2, switches_count: 1, sub_pools: [child] });
    expect(detail.body.servers).toEqual([
      { id: a.id, name: "a-node", manufacturer: "HPE", model: "ProLiant DL380 Gen10", serial_number: a.serialNumber, power_state: "Off", protected: false },
      { id: b.id, name: "b-node", manufacturer: "Dell", model: "PowerEdge R650", serial_number: b.serialNumber, power_state: "On", protected: true },
    ]);
    expect(detail.body.switches).toEqual([{ id: expect.any(Number), name: "tor-1", manufacturer: "Arista", model: "7050", management_ip: "127.0.5.9" }]);
    const listed = (await api.request("GET", "/api/pool/", { token: member })).body.results;
    expect(listed.every((pool: object) => !("servers" in pool) && !("switches" in pool))).toBe(true);
  });

  it("still applies the list's filters on the detail route", async () => {
    expect((await api.request("GET", `/api/pool/${child}/?parent__isnull=true`, { token: staff })).status).toBe(404);
    expect((await api.request("GET", `/api/pool/${child}/?parent__isnull=false`, { token: staff })).body.servers).toHaveLength(1);
  });
});

describe("?parent__isnull=", () => {
  it("pages a tree's top level, or its sub-pools; any other value filters nothing", async () => {
    const ids = async (query: string) => (await api.request("GET", `/api/pool/?${query}`, { token: member })).body.results.map((pool: { id: number }) => pool.id);
    expect(await ids("parent__isnull=true")).toEqual([top]);
    expect(await ids("parent__isnull=1&page_size=1")).toEqual([top]);
    expect(await ids("parent__isnull=false")).toEqual([child]);
    expect(await ids("parent__isnull=maybe")).toEqual([top, child]);
  });
});

describe("relation filters", () => {
  it("accept a visible pool with nothing in it (an empty page), and report every bad filter at once, in order", async () => {
    const empty = (await api.db.insert(pools).values({ name: "Empty", groupId: 1 }).returning())[0]!.id;
    expect((await api.request("GET", `/api/server/?resource_pool=${empty}`, { token: member })).body).toEqual({ count: 0, next: null, previous: null, results: [] });
    expect((await api.request("GET", `/api/switch/?resource_pool=${empty}&page=1`, { token: member })).body.count).toBe(0);
    const both = await api.request("GET", "/api/pool/?group=2000000&parent=abc&search=DC1", { token: member });
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toBe(JSON.stringify({ group: [INVALID_CHOICE], parent: [INVALID_CHOICE] }));
    expect((await api.request("GET", `/api/pool/?group=1&parent=${top}`, { token: member })).body.results.map((pool: { id: number }) => pool.id)).toEqual([child]);
  });
});
