import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "~/db/bootstrap/free-port";
import { groups, pools, scanRanges } from "~/db/schema";
import { startFleet, type Fleet } from "~/simulator";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestNode, createTestServer } from "~/server/testing/inventory";
import { certificateSha256 } from "~/server/testing/scans";

let api: TestApi;
let fleet: Fleet;
let staff: string;
let alice: string;
let bob: string;
let rangeId: number;
const ids: Record<string, number> = {};
const servers: Record<string, number> = {};
const OLD_CERTIFICATE = "0".repeat(64);

const NODE_FIELDS = [
  "id", "url", "ip", "port", "vendor", "product", "redfish_version", "uuid", "status", "status_message",
  "scan_range", "auth_profile", "certificate_sha256", "server", "servers", "last_seen",
];

beforeAll(async () => {
  api = await startTestApi();
  fleet = await startFleet({ count: 1, vendor: "hpe-ilo5", base: "127.54.30.1", port: await findFreePort("127.54.30.1"), seed: 30 });
  const lab = (await api.db.insert(groups).values({ name: "lab" }).returning())[0]!.id;
  staff = (await createTestUser(api.db, { isStaff: true, groups: [] })).token;
  alice = (await createTestUser(api.db, { groups: [1] })).token;
  bob = (await createTestUser(api.db, { groups: [lab] })).token;
  const alicePool = (await api.db.insert(pools).values({ name: "Rack 30", groupId: 1 }).returning())[0]!.id;
  const bobPool = (await api.db.insert(pools).values({ name: "Lab 30", groupId: lab }).returning())[0]!.id;
  rangeId = (await api.db.insert(scanRanges).values({ name: "Rack 30", ipFrom: "127.54.30.1", ipTo: "127.54.30.200" }).returning())[0]!.id;

  const bmc = fleet.bmcs[0]!;
  ids.ilo = (await createTestNode(api.db, { ip: bmc.address, port: bmc.port, vendor: "HPE", product: "iLO 5", status: "error", certificateSha256: OLD_CERTIFICATE, scanRangeId: rangeId })).id;
  ids.dell = (await createTestNode(api.db, { ip: "127.54.30.10", port: 443, vendor: "Dell", product: "Integrated Dell Remote Access Controller", status: "registered", scanRangeId: rangeId })).id;
  ids.chassis = (await createTestNode(api.db, { ip: "127.54.30.9", port: 443, vendor: "Supermicro", product: "BMC", status: "registered" })).id;
  ids.lenovo = (await createTestNode(api.db, { ip: "127.54.30.100", port: 8443, vendor: "Lenovo", product: "XClarity Controller", status: "unreachable" })).id;
  servers.dell = (await createTestServer(api.db, { name: "r750-30", nodeId: ids.dell, resourcePoolId: alicePool })).id;
  servers.bladeA = (await createTestServer(api.db, { name: "blade-a", nodeId: ids.chassis, resourcePoolId: alicePool })).id;
  servers.bladeB = (await createTestServer(api.db, { name: "blade-b", nodeId: ids.chassis, resourcePoolId: bobPool })).id;
});
afterAll(() => Promise.all([api.close(), fleet.stop()]));

const get = (path: string, token = staff) => api.request("GET", path, { token });
const listed = async (query: string, token = staff) => (await get(`/api/node/${query}`, token)).body.results.map((node: { id: number }) => node.id);

describe("GET /api/node/", () => {
  it("answers the envelope with exactly the node fields, ordered by address", async () => {
    const response = await get("/api/node/");
    expect(response.status).toBe(200);
    expect(response.body.count).toBe(4);
    expect(Object.keys(response.body.results[0])).toEqual(NODE_FIELDS);
    // 127.54.30.9 before .10 and .100: addresses order numerically.
    expect(response.body.results.map((node: { ip: string }) => node.ip)).toEqual(["127.54.30.1", "127.54.30.9", "127.54.30.10", "127.54.30.100"]);
    const dell = response.body.results.find((node: { id: number }) => node.id === ids.dell);
    expect(dell).toMatchObject({ url: "https://127.54.30.10:443", port: 443, status: "registered", scan_range: rangeId, server: servers.dell, servers: [servers.dell] });
    const chassis = response.body.results.find((node: { id: number }) => node.id === ids.chassis);
    expect(chassis).toMatchObject({ server: servers.bladeA, servers: [servers.bladeA, servers.bladeB] });
  });

  it("searches vendor, product, status and url; filters status, scan_range and vendor (any spelling)", async () => {
    expect(await listed("?search=dell")).toEqual([ids.dell]);
    expect(await listed("?search=xclarity")).toEqual([ids.lenovo]);
    expect(await listed("?search=unreachable")).toEqual([ids.lenovo]);
    expect(await listed("?search=127.54.30.9:443")).toEqual([ids.chassis]);
    expect(await listed("?status=registered")).toEqual([ids.chassis, ids.dell]);
    expect(await listed(`?scan_range=${rangeId}`)).toEqual([ids.ilo, ids.dell]);
    expect(await listed("?vendor=Hewlett%20Packard%20Enterprise")).toEqual([ids.ilo]);
    expect(await listed("?vendor=dell%20inc.&ordering=-port")).toEqual([ids.dell]);
    expect((await get("/api/node/?status=found")).body).toEqual({ status: ["Select a valid choice. found is not one of the available choices."] });
    expect((await get("/api/node/?scan_range=999999")).body).toEqual({ scan_range: ["Select a valid choice. That choice is not one of the available choices."] });
    expect((await get("/api/node/?page=1&page_size=2")).body).toMatchObject({ count: 4, next: expect.stringContaining("page=2") });
  });

  it("the seed's walkthrough reads .results[] of ?status=discovered", async () => {
    expect((await get("/api/node/?status=discovered")).body).toEqual({ count: 0, next: null, previous: null, results: [] });
  });
});

describe("who sees which node", () => {
  it("shows a non-staff user only the nodes of servers they may see, and only those servers", async () => {
    expect(await listed("", alice)).toEqual([ids.chassis, ids.dell]);
    expect(await listed("", bob)).toEqual([ids.chassis]);
    const chassis = (await get(`/api/node/${ids.chassis}/`, bob)).body;
    expect(chassis).toMatchObject({ server: servers.bladeB, servers: [servers.bladeB] });
    for (const id of [ids.ilo, ids.lenovo, ids.dell]) {
      const response = await get(`/api/node/${id}/`, bob);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ detail: "No Node matches the given query." });
    }
    expect((await get(`/api/node/?search=dell`, bob)).body.count).toBe(0);
  });

  it("answers 404 for writes on an invisible node and 403 on a visible one, for non-staff users", async () => {
    for (const [method, path] of [["DELETE", `/api/node/${ids.dell}/`], ["POST", `/api/node/${ids.dell}/accept_certificate/`]] as const) {
      expect((await api.request(method, path, { token: bob })).status).toBe(404);
      const forbidden = await api.request(method, path, { token: alice });
      expect(forbidden.status).toBe(403);
      expect(forbidden.body).toEqual({ detail: "You do not have permission to perform this action." });
    }
    expect((await get(`/api/node/${ids.dell}/`)).status).toBe(200);
  });
});

describe("DELETE /api/node/{id}/", () => {
  it("refuses to delete a node that still manages servers, naming them", async () => {
    const response = await api.request("DELETE", `/api/node/${ids.chassis}/`, { token: staff });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ detail: `Node 127.54.30.9:443 still manages 2 servers "blade-a" (id ${servers.bladeA}), "blade-b" (id ${servers.bladeB}): delete them first.` });
    expect((await get(`/api/node/${ids.chassis}/`)).status).toBe(200);
  });

  it("deletes a node without servers (204), then 404s", async () => {
    const node = await createTestNode(api.db, { ip: "127.54.30.150" });
    const response = await api.request("DELETE", `/api/node/${node.id}/`, { token: staff });
    expect(response.status).toBe(204);
    expect(response.text).toBe("");
    expect((await api.request("DELETE", `/api/node/${node.id}/`, { token: staff })).body).toEqual({ detail: "No Node matches the given query." });
  });
});

describe("POST /api/node/{id}/accept_certificate/", () => {
  it("trusts the certificate the BMC presents now and clears the error", async () => {
    const response = await api.request("POST", `/api/node/${ids.ilo}/accept_certificate/`, { token: staff });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: ids.ilo, status: "discovered", status_message: "", certificate_sha256: certificateSha256(fleet.certificate!), vendor: "HPE" });
    expect(response.body.last_seen).toMatch(/Z$/);
  });

  it("keeps the trusted certificate of a BMC that does not answer: 400, node unreachable", async () => {
    const silent = await createTestNode(api.db, { ip: "127.54.30.160", port: await findFreePort("127.54.30.160"), certificateSha256: OLD_CERTIFICATE });
    const response = await api.request("POST", `/api/node/${silent.id}/accept_certificate/`, { token: staff });
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/^BMC 127\.54\.30\.160:\d+ refused the connection \(ECONNREFUSED\); the trusted certificate is unchanged\.$/);
    expect((await get(`/api/node/${silent.id}/`)).body).toMatchObject({ status: "unreachable", certificate_sha256: OLD_CERTIFICATE });
  });
});
