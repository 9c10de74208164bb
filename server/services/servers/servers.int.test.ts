import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groups, pools } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestNode, createTestServer } from "~/server/testing/inventory";

let api: TestApi;
let staff: string;
let alice: string;
let bob: string;
let loner: string;
let alicePool: number;
let bobPool: number;
let dell: number;
let hpe: number;
let unassigned: number;

const SERVER_FIELDS = [
  "id", "name", "manufacturer", "manufacturer_reported", "model", "sku", "serial_number", "uuid", "hostname", "power_state",
  "bios_version", "bmc_firmware_version", "bmc_url", "node", "resource_pool", "processor_count", "processor_model", "memory_gib",
  "protected", "description", "tags", "inventory_updated_at", "created_at", "updated_at",
];

beforeAll(async () => {
  api = await startTestApi();
  const lab = (await api.db.insert(groups).values({ name: "lab" }).returning())[0]!.id;
  staff = (await createTestUser(api.db, { isStaff: true, groups: [] })).token;
  alice = (await createTestUser(api.db, { groups: [1] })).token;
  bob = (await createTestUser(api.db, { groups: [lab] })).token;
  loner = (await createTestUser(api.db, { groups: [] })).token;
  alicePool = (await api.db.insert(pools).values({ name: "Rack 5", groupId: 1 }).returning())[0]!.id;
  bobPool = (await api.db.insert(pools).values({ name: "Lab", groupId: lab }).returning())[0]!.id;
  const node = await createTestNode(api.db, { ip: "127.50.5.7", port: 8443, status: "registered" });
  dell = (await createTestServer(api.db, { name: "r750-a", manufacturer: "Dell Inc.", resourcePoolId: alicePool, nodeId: node.id, withParts: true })).id;
  hpe = (await createTestServer(api.db, { name: "dl360-b", manufacturer: "HPE", model: "ProLiant DL360 Gen10 Plus", powerState: "Off", resourcePoolId: bobPool })).id;
  unassigned = (await createTestServer(api.db, { name: "spare", manufacturer: "Supermicro", model: "SYS-120U-TNR" })).id;
});
afterAll(() => api.close());

const names = (body: { results: Array<{ name: string }> }) => body.results.map((server) => server.name);

describe("GET /api/server/", () => {
  it("answers the envelope with exactly the inventory fields, the vendor canonical and the BMC's URL", async () => {
    const response = await api.request("GET", `/api/server/?search=r750-a`, { token: staff });
    expect(response.status).toBe(200);
    const [server] = response.body.results;
    expect(Object.keys(server)).toEqual(SERVER_FIELDS);
    expect(server).toMatchObject({ id: dell, manufacturer: "Dell", manufacturer_reported: "Dell Inc.", bmc_url: "https://127.50.5.7:8443", resource_pool: alicePool });
  });

  it("searches name, model, serial, manufacturer, SKU and BMC URL; filters vendors by any spelling", async () => {
    expect(names((await api.request("GET", "/api/server/?search=127.50.5.7", { token: staff })).body)).toEqual(["r750-a"]);
    expect(names((await api.request("GET", "/api/server/?search=proliant", { token: staff })).body)).toEqual(["dl360-b"]);
    expect(names((await api.request("GET", "/api/server/?manufacturer=Dell%20Inc.", { token: staff })).body)).toEqual(["r750-a"]);
    expect(names((await api.request("GET", "/api/server/?manufacturer=hp", { token: staff })).body)).toEqual(["dl360-b"]);
    expect(names((await api.request("GET", "/api/server/?power_state=off", { token: staff })).body)).toEqual(["dl360-b"]);
    expect(names((await api.request("GET", "/api/server/?ordering=-resource_pool__name,name", { token: staff })).body)).toEqual(["spare", "r750-a", "dl360-b"]); // Postgres (and so Django) puts NULLs first when descending
  });

  it("shows non-staff users only the servers in their groups' pools, never unassigned ones", async () => {
    expect(names((await api.request("GET", "/api/server/", { token: alice })).body)).toEqual(["r750-a"]);
    expect(names((await api.request("GET", "/api/server/?search=dl360", { token: alice })).body)).toEqual([]);
    expect((await api.request("GET", "/api/server/?page=1&page_size=10", { token: bob })).body).toMatchObject({ count: 1, results: [{ id: hpe }] });
    expect((await api.request("GET", "/api/server/", { token: loner })).body.count).toBe(0);
    expect((await api.request("GET", "/api/server/", { token: staff })).body.count).toBe(3);
  });

  it("rejects another group's pool in ?resource_pool= exactly like a pool that does not exist", async () => {
    for (const id of [bobPool, 2_000_000]) {
      const response = await api.request("GET", `/api/server/?resource_pool=${id}`, { token: alice });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ resource_pool: ["Select a valid choice. That choice is not one of the available choices."] });
    }
    expect(names((await api.request("GET", `/api/server/?resource_pool=${alicePool}`, { token: alice })).body)).toEqual(["r750-a"]);
  });
});

describe("GET /api/server/{id}/ and its parts", () => {
  it("answers 404 for a server the user cannot see, as for one that does not exist", async () => {
    const notFound = { detail: "No Server matches the given query." };
    expect((await api.request("GET", `/api/server/${hpe}/`, { token: alice })).body).toEqual(notFound);
    expect((await api.request("GET", `/api/server/${unassigned}/`, { token: alice })).status).toBe(404);
    expect((await api.request("GET", `/api/server/${hpe}/firmwares/`, { token: alice })).body).toEqual(notFound);
    expect((await api.request("GET", `/api/server/${dell}/`, { token: alice })).body.name).toBe("r750-a");
  });

  it("lists processors, interfaces, storage and firmware as plain arrays unless paged", async () => {
    const processors = await api.request("GET", `/api/server/${dell}/processors/`, { token: alice });
    expect(processors.body.map((cpu: { inventory_id: string }) => cpu.inventory_id)).toEqual(["CPU.Socket.1", "CPU.Socket.2"]);
    const paged = await api.request("GET", `/api/server/${dell}/processors/?page_size=1`, { token: alice });
    expect(paged.body).toMatchObject({ count: 2, previous: null, results: [{ inventory_id: "CPU.Socket.1" }] });
    const [nic] = (await api.request("GET", `/api/server/${dell}/ethernet_interfaces/`, { token: alice })).body;
    expect(nic).toMatchObject({ mac_address: "AA:BB:CC:00:00:01", speed_mbps: 25000, link_status: "LinkUp", ipv4_addresses: ["127.0.0.10"] });
    const [storage] = (await api.request("GET", `/api/server/${dell}/storages/`, { token: alice })).body;
    expect(storage.controllers[0].model).toBe("PERC H755 Front");
    expect(storage.drives).toHaveLength(1);
    expect(storage.volumes[0].raid_type).toBe("RAID1");
    expect((await api.request("GET", `/api/server/${dell}/firmwares/`, { token: alice })).body).toEqual([]);
    expect((await api.request("GET", `/api/server/${dell}/firmwares/?component=disk`, { token: alice })).status).toBe(400);
  });
});
