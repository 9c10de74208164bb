import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groups, pools, switches } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

let api: TestApi;
let staff: string;
let member: string;
let rack5: number;
let labPool: number;

const FIELDS = ["id", "name", "manufacturer", "model", "serial_number", "management_ip", "port_count", "resource_pool", "created_at", "updated_at"];
const FORBIDDEN = { detail: "You do not have permission to perform this action." };
const switchRow = async (id: number) => (await api.db.select().from(switches).where(eq(switches.id, id)))[0];

beforeAll(async () => {
  api = await startTestApi();
  const lab = (await api.db.insert(groups).values({ name: "lab" }).returning())[0]!.id;
  staff = (await createTestUser(api.db, { isStaff: true, groups: [] })).token;
  member = (await createTestUser(api.db, { groups: [1] })).token;
  rack5 = (await api.db.insert(pools).values({ name: "Rack 5", groupId: 1 }).returning())[0]!.id;
  labPool = (await api.db.insert(pools).values({ name: "Lab", groupId: lab }).returning())[0]!.id;
});
afterAll(() => api.close());

describe("/api/switch/", () => {
  it("creates (201), retrieves, lists with search and filters, and deletes (204)", async () => {
    const created = await api.request("POST", "/api/switch/", {
      token: staff,
      json: { name: " tor-r5-a ", manufacturer: "Arista", model: "7050SX3-48YC8", serial_number: "JPE123", management_ip: "127.0.5.2", port_count: 56, resource_pool: rack5 },
    });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body)).toEqual(FIELDS);
    expect(created.body).toMatchObject({ name: "tor-r5-a", management_ip: "127.0.5.2", port_count: 56, resource_pool: rack5 });
    const id = created.body.id;
    expect((await api.request("GET", `/api/switch/${id}/`, { token: member })).body).toEqual(created.body);
    expect((await api.request("GET", "/api/switch/?search=127.0.5.2", { token: staff })).body.count).toBe(1);
    expect((await api.request("GET", "/api/switch/?manufacturer=arista&ordering=-port_count", { token: staff })).body.results[0].id).toBe(id);
    expect((await api.request("GET", `/api/switch/?resource_pool=${rack5}`, { token: member })).body.count).toBe(1);
    const minimal = await api.request("POST", "/api/switch/", { token: staff, json: { name: "oob-1" } });
    expect(minimal.body).toMatchObject({ manufacturer: "", management_ip: null, port_count: null, resource_pool: null });
    expect((await api.request("GET", "/api/switch/?resource_pool__isnull=true", { token: staff })).body.results.map((s: { id: number }) => s.id)).toEqual([minimal.body.id]);
    const deleted = await api.request("DELETE", `/api/switch/${minimal.body.id}/`, { token: staff });
    expect(deleted.status).toBe(204);
    expect(await switchRow(minimal.body.id)).toBeUndefined();
  });

  it("PATCH changes only what it sends; PUT resets what it omits", async () => {
    const [row] = await api.db.insert(switches).values({ name: "tor", manufacturer: "Cisco", model: "N9K", portCount: 48, managementIp: "127.0.5.3", resourcePoolId: rack5 }).returning();
    const patched = await api.request("PATCH", `/api/switch/${row!.id}/`, { token: staff, json: { port_count: 52, management_ip: "::1" } });
    expect(patched.body).toMatchObject({ name: "tor", manufacturer: "Cisco", port_count: 52, management_ip: "::1", resource_pool: rack5 });
    const replaced = await api.request("PUT", `/api/switch/${row!.id}/`, { token: staff, json: { name: "tor-2" } });
    expect(replaced.body).toMatchObject({ name: "tor-2", manufacturer: "", model: "", port_count: null, management_ip: null, resource_pool: null });
  });

  it("validates with DRF's messages and changes nothing", async () => {
    const [row] = await api.db.insert(switches).values({ name: "valid" }).returning();
    const cases: Array<[string, string, unknown, unknown]> = [
      ["POST", "/api/switch/", {}, { name: ["This field is required."] }],
      ["POST", "/api/switch/", { name: "x", management_ip: "10.0.0" }, { management_ip: ["Enter a valid IPv4 or IPv6 address."] }],
      ["POST", "/api/switch/", { name: "x", port_count: -1 }, { port_count: ["Ensure this value is greater than or equal to 0."] }],
      ["POST", "/api/switch/", { name: "x", resource_pool: 2_000_000 }, { resource_pool: ['Invalid pk "2000000" - object does not exist.'] }],
      ["PATCH", `/api/switch/${row!.id}/`, { name: "" }, { name: ["This field may not be blank."] }],
      ["PATCH", `/api/switch/${row!.id}/`, { port_count: "many" }, { port_count: ["A valid integer is required."] }],
      ["PUT", `/api/switch/${row!.id}/`, { model: "x" }, { name: ["This field is required."] }],
    ];
    for (const [method, path, json, errors] of cases) {
      const response = await api.request(method, path, { token: staff, json });
      expect(response.status, `${method} ${JSON.stringify(json)}`).toBe(400);
      expect(response.body).toEqual(errors);
    }
    expect(await api.db.$count(switches, eq(switches.name, "x"))).toBe(0);
    expect(await switchRow(row!.id)).toEqual(row);
  });

  it("is read-only for members: 403 on what they see, 404 on what they do not, before the body", async () => {
    const [mine, theirs] = await api.db.insert(switches).values([{ name: "mine", resourcePoolId: rack5 }, { name: "theirs", resourcePoolId: labPool }]).returning();
    expect((await api.request("POST", "/api/switch/", { token: member, json: { name: "x" } })).body).toEqual(FORBIDDEN);
    for (const [method, json] of [["PUT", { name: "x" }], ["PATCH", { port_count: "junk" }], ["DELETE", undefined]] as const) {
      expect((await api.request(method, `/api/switch/${mine!.id}/`, { token: member, json })).body, method).toEqual(FORBIDDEN);
      const hidden = await api.request(method, `/api/switch/${theirs!.id}/`, { token: member, json });
      expect(hidden.status).toBe(404);
      expect(hidden.body).toEqual({ detail: "No Switch matches the given query." });
    }
    expect(await switchRow(mine!.id)).toEqual(mine);
    expect(await switchRow(theirs!.id)).toEqual(theirs);
  });
});
