import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groups, nodes, pools, requests, servers } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestNode, createTestServer } from "~/server/testing/inventory";
import { createTestRequest } from "~/server/testing/requests";

let api: TestApi;
let staff: string;
let member: string;
let rack5: number;
let rack6: number;
let labPool: number;

const FORBIDDEN = { detail: "You do not have permission to perform this action." };
const serverRow = async (id: number) => (await api.db.select().from(servers).where(eq(servers.id, id)))[0];

beforeAll(async () => {
  api = await startTestApi();
  const lab = (await api.db.insert(groups).values({ name: "lab" }).returning())[0]!.id;
  staff = (await createTestUser(api.db, { isStaff: true, groups: [] })).token;
  member = (await createTestUser(api.db, { groups: [1] })).token;
  [rack5, rack6] = (await api.db.insert(pools).values([{ name: "Rack 5", groupId: 1 }, { name: "Rack 6", groupId: 1 }]).returning()).map((pool) => pool.id) as [number, number];
  labPool = (await api.db.insert(pools).values({ name: "Lab", groupId: lab }).returning())[0]!.id;
});
afterAll(() => api.close());

describe("PATCH and PUT /api/server/{id}/", () => {
  it("PATCH changes only what it sends; PUT resets every writable field it omits", async () => {
    const { id } = await createTestServer(api.db, { name: "r750-1", resourcePoolId: rack5, protected: true, description: "db primary", tags: ["db"] });
    const patched = await api.request("PATCH", `/api/server/${id}/`, { token: staff, json: { description: "  db primary, rack 5  " } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id, name: "r750-1", resource_pool: rack5, protected: true, description: "db primary, rack 5", tags: ["db"] });
    // An empty PATCH changes nothing but updated_at (Django's auto_now).
    expect((await api.request("PATCH", `/api/server/${id}/`, { token: staff, json: {} })).body).toEqual({ ...patched.body, updated_at: expect.any(String) });

    const replaced = await api.request("PUT", `/api/server/${id}/`, { token: staff, json: { name: "r750-1" } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ name: "r750-1", resource_pool: null, protected: false, description: "", tags: [] });
    expect((await api.request("PUT", `/api/server/${id}/`, { token: staff, json: { resource_pool: rack5 } })).body).toEqual({ name: ["This field is required."] });
  });

  it("ignores inventory fields in a body, and keeps an operator's rename across refreshes", async () => {
    const server = await createTestServer(api.db, { name: "auto-name", resourcePoolId: rack5 });
    const body = { name: "web-01", model: "Hacked", serial_number: "X", bios_version: "9.9.9", power_state: "Off", node: 1, manufacturer: "HPE", id: 1, created_at: "2000-01-01T00:00:00Z" };
    const response = await api.request("PATCH", `/api/server/${server.id}/`, { token: staff, json: body });
    expect(response.body).toMatchObject({ id: server.id, name: "web-01", model: server.model, serial_number: server.serialNumber, bios_version: server.biosVersion, power_state: "On", manufacturer: "Dell" });
    expect(await serverRow(server.id)).toMatchObject({ nameSetByOperator: true, nodeId: server.nodeId, createdAt: server.createdAt });
    const unchanged = await createTestServer(api.db, { name: "same", resourcePoolId: rack5 });
    await api.request("PUT", `/api/server/${unchanged.id}/`, { token: staff, json: { name: "same", resource_pool: rack5 } });
    expect((await serverRow(unchanged.id))?.nameSetByOperator).toBe(false);
  });

  it("validates names, tags and pools with DRF's messages, changing nothing", async () => {
    const { id } = await createTestServer(api.db, { resourcePoolId: rack5, tags: ["keep"] });
    const before = await serverRow(id);
    const cases: Array<[unknown, unknown]> = [
      [{ name: "" }, { name: ["This field may not be blank."] }],
      [{ name: "x".repeat(257) }, { name: ["Ensure this field has no more than 256 characters."] }],
      [{ tags: "web" }, { tags: ['Expected a list of items but got type "str".'] }],
      [{ tags: ["ok", ""] }, { tags: { 1: ["This field may not be blank."] } }],
      [{ protected: "maybe" }, { protected: ["Must be a valid boolean."] }],
      [{ resource_pool: 2_000_000 }, { resource_pool: ['Invalid pk "2000000" - object does not exist.'] }],
      [{ resource_pool: "abc" }, { resource_pool: ["Incorrect type. Expected pk value, received str."] }],
    ];
    for (const [json, errors] of cases) {
      const response = await api.request("PATCH", `/api/server/${id}/`, { token: staff, json });
      expect(response.status, JSON.stringify(json)).toBe(400);
      expect(response.body).toEqual(errors);
    }
    expect(await serverRow(id)).toEqual(before);
  });

  it("dedupes tags in order", async () => {
    const { id } = await createTestServer(api.db, { resourcePoolId: rack5 });
    expect((await api.request("PATCH", `/api/server/${id}/`, { token: staff, json: { tags: ["web", "rack-5", "web"] } })).body.tags).toEqual(["web", "rack-5"]);
    expect((await api.request("GET", "/api/server/?tags=rack-5", { token: staff })).body.results.map((s: { id: number }) => s.id)).toEqual([id]);
  });

  it("moves a server with resource_pool, even from another pool, and null takes it out", async () => {
    const { id } = await createTestServer(api.db, { resourcePoolId: rack5 });
    expect((await api.request("PATCH", `/api/server/${id}/`, { token: staff, json: { resource_pool: rack6 } })).body.resource_pool).toBe(rack6);
    expect((await api.request("PATCH", `/api/server/${id}/`, { token: staff, json: { resource_pool: labPool } })).body.resource_pool).toBe(labPool);
    expect((await api.request("PATCH", `/api/server/${id}/`, { token: staff, json: { resource_pool: null } })).body.resource_pool).toBeNull();
  });

  it("refuses to move a server in an active request, and moves it once the request is done", async () => {
    const { id } = await createTestServer(api.db, { resourcePoolId: rack5 });
    const request = await createTestRequest(api.db, [id], { status: "pending" });
    const response = await api.request("PATCH", `/api/server/${id}/`, { token: staff, json: { resource_pool: rack6, description: "moved" } });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ resource_pool: [`The server is part of request ${request.id} (firmware_baseline_update, pending): wait for it to finish or cancel it.`] });
    expect(await serverRow(id)).toMatchObject({ resourcePoolId: rack5, description: "" });
    // Anything else may still change while it runs.
    expect((await api.request("PATCH", `/api/server/${id}/`, { token: staff, json: { description: "busy", resource_pool: rack5 } })).status).toBe(200);
    await createTestRequest(api.db, [id], { status: "succeeded" });
    expect((await api.request("PUT", `/api/server/${id}/`, { token: staff, json: { name: "r", resource_pool: rack5 } })).status).toBe(200);
    await api.db.update(requests).set({ status: "failed" }).where(eq(requests.id, request.id));
    expect((await api.request("PATCH", `/api/server/${id}/`, { token: staff, json: { resource_pool: rack6 } })).body.resource_pool).toBe(rack6);
  });

  it("lets a member of the pool's group rename, describe, tag and protect, but not move (403)", async () => {
    const { id } = await createTestServer(api.db, { resourcePoolId: rack5 });
    const response = await api.request("PATCH", `/api/server/${id}/`, { token: member, json: { name: "mine", description: "d", tags: ["t"], protected: true } });
    expect(response.body).toMatchObject({ name: "mine", description: "d", tags: ["t"], protected: true });
    expect((await api.request("PATCH", `/api/server/${id}/`, { token: member, json: { resource_pool: rack5 } })).status).toBe(200);
    for (const [method, json] of [["PATCH", { resource_pool: rack6 }], ["PATCH", { resource_pool: null }], ["PUT", { name: "mine" }]] as const) {
      const refused = await api.request(method, `/api/server/${id}/`, { token: member, json });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual(FORBIDDEN);
    }
    expect((await serverRow(id))?.resourcePoolId).toBe(rack5);
  });

  it("has no POST: servers are registered, not posted", async () => {
    const response = await api.request("POST", "/api/server/", { token: staff, json: { name: "x" } });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});

describe("DELETE /api/server/{id}/", () => {
  it("forgets the server and returns its node to discovered when it manages no other server", async () => {
    const chassis = await createTestNode(api.db, { status: "registered" });
    const [a, b] = [await createTestServer(api.db, { nodeId: chassis.id, resourcePoolId: rack5 }), await createTestServer(api.db, { nodeId: chassis.id })];
    expect((await api.request("DELETE", `/api/server/${a.id}/`, { token: member })).body).toEqual(FORBIDDEN);
    const first = await api.request("DELETE", `/api/server/${a.id}/`, { token: staff });
    expect(first.status).toBe(204);
    expect(first.text).toBe("");
    expect(await serverRow(a.id)).toBeUndefined();
    const node = async () => (await api.db.select().from(nodes).where(eq(nodes.id, chassis.id)))[0]!;
    expect((await node()).status).toBe("registered");
    expect((await api.request("DELETE", `/api/server/${b.id}/`, { token: staff })).status).toBe(204);
    expect((await node()).status).toBe("discovered");
    expect((await api.request("DELETE", `/api/server/${b.id}/`, { token: staff })).body).toEqual({ detail: "No Server matches the given query." });
  });

  it("refuses a server in an active request", async () => {
    const { id } = await createTestServer(api.db, { resourcePoolId: rack5 });
    const request = await createTestRequest(api.db, [id]);
    const response = await api.request("DELETE", `/api/server/${id}/`, { token: staff });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ detail: `The server is part of request ${request.id} (firmware_baseline_update, running): wait for it to finish or cancel it.` });
    expect(await serverRow(id)).toBeDefined();
  });
});
