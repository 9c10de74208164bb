import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groups, pools } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestServer } from "~/server/testing/inventory";
import { insertFirmwareBinary } from "../firmware/test-factories";
import { evaluateCompliance } from "./evaluate";

let api: TestApi;
let staff: string;
let alice: string;
let baseline: number;
let binaries: number[];
const pool = { rack: 0, shelf: 0, lab: 0 };
const server = { node01: 0, node02: 0, r650: 0, hpe: 0, lab: 0, spare: 0 };

/** Seed 003's example: a Dell R750 baseline of BIOS 1.12.2, iDRAC 6.10.80.00 and PERC H755 25.5.9.0001. */
beforeAll(async () => {
  api = await startTestApi();
  const lab = (await api.db.insert(groups).values({ name: "lab" }).returning())[0]!.id;
  staff = (await createTestUser(api.db, { isStaff: true, groups: [] })).token;
  alice = (await createTestUser(api.db, { groups: [1] })).token;
  pool.rack = (await api.db.insert(pools).values({ name: "Rack 5", groupId: 1 }).returning())[0]!.id;
  pool.shelf = (await api.db.insert(pools).values({ name: "Rack 5 / shelf 2", groupId: 1, parentId: pool.rack }).returning())[0]!.id;
  pool.lab = (await api.db.insert(pools).values({ name: "Lab", groupId: lab }).returning())[0]!.id;
  const dell = { manufacturer: "Dell", models: ["PowerEdge R750"] };
  binaries = [
    (await insertFirmwareBinary(api.db, { ...dell, name: "BIOS", firmwareType: "bios", version: "1.12.2" })).id,
    (await insertFirmwareBinary(api.db, { ...dell, name: "iDRAC", firmwareType: "bmc", version: "6.10.80.00" })).id,
    (await insertFirmwareBinary(api.db, { ...dell, name: "PERC H755", firmwareType: "storage_controller", version: "25.5.9.0001" })).id,
  ];
  const created = await api.request("POST", "/api/firmware_baseline/", { token: staff, json: { name: "Dell R750 Production Q1 2026", firmware_binaries: binaries } });
  baseline = created.body.id;
  const r750 = { manufacturer: "Dell Inc.", model: "PowerEdge R750", bmcFirmwareVersion: "6.10.80.00" };
  const perc = (version: string) => [{ inventoryId: `Installed-104537-${version}`, name: "PERC H755 Front", version, softwareId: "104537", state: "Enabled" }];
  server.node01 = (await createTestServer(api.db, { ...r750, name: "r750-node01", biosVersion: "1.10.0", resourcePoolId: pool.rack })).id;
  server.node02 = (await createTestServer(api.db, { ...r750, name: "r750-node02", biosVersion: "1.12.2", firmwares: perc("25.5.9.0001"), resourcePoolId: pool.shelf })).id;
  server.r650 = (await createTestServer(api.db, { manufacturer: "Dell Inc.", model: "PowerEdge R650", name: "r650-node03", resourcePoolId: pool.shelf })).id;
  server.hpe = (await createTestServer(api.db, { manufacturer: "HPE", model: "ProLiant DL380 Gen10 Plus", name: "dl380-a", biosVersion: "U46 v1.56 (11/29/2021)", resourcePoolId: pool.rack })).id;
  server.lab = (await createTestServer(api.db, { ...r750, name: "r750-lab", biosVersion: "1.12.2", firmwares: perc("25.5.9.0001"), resourcePoolId: pool.lab })).id;
  server.spare = (await createTestServer(api.db, { ...r750, name: "r750-spare", biosVersion: "1.12.2", firmwares: perc("25.5.8.0001") })).id;
});
afterAll(() => api.close());

const compliance = (query = "", token = staff) => api.request("GET", `/api/firmware_baseline/${baseline}/compliance/${query}`, { token });
const names = (body: { servers: Array<{ server_name: string }> }) => body.servers.map((s) => s.server_name);

describe("GET /api/firmware_baseline/{id}/compliance/", () => {
  it("answers seed 003's example field by field, in its key order", async () => {
    const response = await compliance(`?server=${server.node01}`);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual(["baseline_id", "baseline_name", "servers", "summary"]);
    const [node] = response.body.servers;
    expect(Object.keys(node)).toEqual(["server_id", "server_name", "manufacturer", "model", "overall_status", "components", "inventory_updated_at"]);
    expect(node.inventory_updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    for (const component of node.components) expect(Object.keys(component)).toEqual(["firmware_binary_id", "firmware_type", "baseline_version", "current_version", "status"]);
    const { inventory_updated_at: _fresh, ...seedFields } = node;
    expect({ ...response.body, servers: [seedFields] }).toEqual({
      baseline_id: baseline,
      baseline_name: "Dell R750 Production Q1 2026",
      servers: [
        {
          server_id: server.node01,
          server_name: "r750-node01",
          manufacturer: "Dell",
          model: "PowerEdge R750",
          overall_status: "non_compliant",
          components: [
            { firmware_binary_id: binaries[0], firmware_type: "bios", baseline_version: "1.12.2", current_version: "1.10.0", status: "non_compliant" },
            { firmware_binary_id: binaries[1], firmware_type: "bmc", baseline_version: "6.10.80.00", current_version: "6.10.80.00", status: "compliant" },
            { firmware_binary_id: binaries[2], firmware_type: "storage_controller", baseline_version: "25.5.9.0001", current_version: null, status: "unknown" },
          ],
        },
      ],
      summary: { total_servers: 1, compliant: 0, non_compliant: 1, unknown: 0, not_applicable: 0 },
    });
  });

  it("checks every compatible server by default: manufacturer and model fit at least one binary", async () => {
    const response = await compliance();
    expect(names(response.body)).toEqual(["r750-lab", "r750-node01", "r750-node02", "r750-spare"]);
    expect(response.body.summary).toEqual({ total_servers: 4, compliant: 2, non_compliant: 2, unknown: 0, not_applicable: 0 });
  });

  it("checks a pool with its sub-pools, listing servers nothing applies to as not_applicable", async () => {
    const response = await compliance(`?pool=${pool.rack}`);
    expect(names(response.body)).toEqual(["dl380-a", "r650-node03", "r750-node01", "r750-node02"]);
    expect(response.body.servers.map((s: { overall_status: string }) => s.overall_status)).toEqual(["not_applicable", "not_applicable", "non_compliant", "compliant"]);
    expect(response.body.summary).toEqual({ total_servers: 4, compliant: 1, non_compliant: 1, unknown: 0, not_applicable: 2 });
    expect(names((await compliance(`?pool=${pool.shelf}`)).body)).toEqual(["r650-node03", "r750-node02"]);
  });

  it("shows only the caller's servers to a user who is not staff, in the list and in the counts", async () => {
    const response = await compliance("", alice);
    expect(names(response.body)).toEqual(["r750-node01", "r750-node02"]);
    expect(response.body.summary).toEqual({ total_servers: 2, compliant: 1, non_compliant: 1, unknown: 0, not_applicable: 0 });
    for (const query of [`?pool=${pool.lab}`, `?server=${server.lab}`, `?server=${server.spare}`]) {
      expect((await compliance(query, alice)).status, query).toBe(404);
    }
  });

  it("filters by status, searches and orders the servers, while the summary counts the whole scope", async () => {
    const failing = await compliance("?status=non_compliant");
    expect(names(failing.body)).toEqual(["r750-node01", "r750-spare"]);
    expect(failing.body.summary.total_servers).toBe(4);
    expect(names((await compliance("?search=node0")).body)).toEqual(["r750-node01", "r750-node02"]);
    expect(names((await compliance(`?pool=${pool.rack}&ordering=overall_status,-server_name`)).body)).toEqual(["r750-node01", "r750-node02", "r650-node03", "dl380-a"]);
  });

  it("pages the servers with DRF's count, next and previous, keeping the summary whole", async () => {
    const first = await compliance("?page_size=3");
    expect(Object.keys(first.body)).toEqual(["baseline_id", "baseline_name", "servers", "summary", "count", "next", "previous"]);
    expect(first.body).toMatchObject({ count: 4, next: `${api.baseUrl}/api/firmware_baseline/${baseline}/compliance/?page=2&page_size=3`, previous: null });
    expect(names(first.body)).toEqual(["r750-lab", "r750-node01", "r750-node02"]);
    const last = await compliance("?page_size=3&page=last");
    expect(names(last.body)).toEqual(["r750-spare"]);
    expect(last.body).toMatchObject({ next: null, previous: `${api.baseUrl}/api/firmware_baseline/${baseline}/compliance/?page_size=3` });
    expect(last.body.summary.total_servers).toBe(4);
    const filtered = await compliance("?status=compliant&page=1&page_size=1");
    expect(filtered.body).toMatchObject({ count: 2, summary: { total_servers: 4 } });
  });

  it("answers seed 003's errors: 400 for a malformed id, 404 for a missing server, pool or baseline", async () => {
    const cases: Array<[string, number, unknown]> = [
      ["?server=abc", 400, { server: ["A valid integer is required."] }],
      ["?pool=1.5", 400, { pool: ["A valid integer is required."] }],
      ["?pool=5%00", 400, { pool: ["Null characters are not allowed."] }],
      ["?server=x&pool=y", 400, { server: ["A valid integer is required."], pool: ["A valid integer is required."] }],
      [`?server=${server.node01}&pool=${pool.rack}`, 400, { non_field_errors: ["Give either server or pool, not both."] }],
      ["?status=broken", 400, { status: ["Select a valid choice. broken is not one of the available choices."] }],
      ["?server=999999", 404, { detail: "No Server matches the given query." }],
      ["?server=99999999999", 404, { detail: "No Server matches the given query." }],
      ["?pool=999999", 404, { detail: "No Pool matches the given query." }],
      ["?page=9", 404, { detail: "Invalid page." }],
    ];
    for (const [query, status, body] of cases) {
      const response = await compliance(query);
      expect([response.status, response.body], query).toEqual([status, body]);
    }
    const missing = await api.request("GET", "/api/firmware_baseline/999999/compliance/", { token: staff });
    expect([missing.status, missing.body]).toEqual([404, { detail: "No FirmwareBaseline matches the given query." }]);
    expect((await api.request("GET", "/api/firmware_baseline/abc/compliance/", { token: staff })).status).toBe(404);
    expect((await api.request("GET", `/api/firmware_baseline/${baseline}/compliance/`)).status).toBe(401);
  });

  it("treats an empty server or pool parameter as no scope", async () => {
    expect((await compliance("?server=&pool=")).body.summary.total_servers).toBe(4);
  });

  it("gives other services (remediation) the same computation for chosen servers", async () => {
    const report = await evaluateCompliance({ ctx: { actor: { kind: "system" }, db: api.db }, input: { baselineId: baseline, scope: { kind: "servers", serverIds: [server.spare, server.r650] } } });
    expect(report.servers.map((s) => [s.server_name, s.overall_status, s.components.map((c) => c.status)])).toEqual([
      ["r650-node03", "not_applicable", ["not_applicable", "not_applicable", "not_applicable"]],
      ["r750-spare", "non_compliant", ["compliant", "compliant", "non_compliant"]],
    ]);
    expect(report.summary).toEqual({ total_servers: 2, compliant: 0, non_compliant: 1, unknown: 0, not_applicable: 1 });
  });
});
