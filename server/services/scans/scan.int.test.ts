import http from "node:http";
import { eq } from "drizzle-orm";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "~/db/bootstrap/free-port";
import { nodes } from "~/db/schema";
import { startFleet, type Fleet } from "~/simulator";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestServer } from "~/server/testing/inventory";
import { certificateSha256, scanEnded } from "~/server/testing/scans";
import { startWorker } from "~/workers/runner";

// Loopback block 127.54.10.0/24, one port for every simulated BMC; 16 addresses per chunk.
const SETTINGS = { RACKPILOT_SCAN_CHUNK_SIZE: "16", RACKPILOT_SCAN_PROBE_TIMEOUT: "1", RACKPILOT_SCAN_CONNECT_TIMEOUT: "0.5" };
let api: TestApi;
let worker: Runner;
let staff: string;
let port: number;
let mixed: Fleet;
let notRedfish: http.Server;
const fleets: Fleet[] = [];

type NodeDto = { id: number; ip: string; port: number; vendor: string; product: string; status: string; status_message: string; certificate_sha256: string; scan_range: number; last_seen: string };

beforeAll(async () => {
  Object.assign(process.env, SETTINGS);
  api = await startTestApi();
  worker = await startWorker(process.env.DATABASE_URL!);
  staff = (await createTestUser(api.db, { isStaff: true })).token;
  port = await findFreePort("127.54.10.11");
  // Every vendor profile, iLO 4 included, at .11 to .15.
  mixed = await startFleet({ count: 5, vendor: "mixed", base: "127.54.10.11", port, seed: 54 });
  fleets.push(mixed);
  // An open port that is no Redfish service: never a node.
  notRedfish = http.createServer((_req, res) => res.end("<html>switch login</html>"));
  await new Promise<void>((resolve) => notRedfish.listen(port, "127.54.10.20", resolve));
});
afterAll(async () => {
  await worker.stop();
  await Promise.all([...fleets.map((fleet) => fleet.stop()), new Promise((resolve) => notRedfish.close(resolve))]);
  await api.close();
});

async function createRange(name: string, ipFrom: string, ipTo: string): Promise<number> {
  const response = await api.request("POST", "/api/node_discovery/scan_range/", { token: staff, json: { name, ip_from: ipFrom, ip_to: ipTo, ports: [port] } });
  return response.body.id;
}
async function scan(rangeId: number) {
  expect((await api.request("POST", "/api/node_discovery/run_scan/", { token: staff, json: { scan_ranges: [rangeId] } })).status).toBe(202);
  return scanEnded(api, staff, rangeId);
}
const nodesOf = async (rangeId: number): Promise<NodeDto[]> => (await api.request("GET", `/api/node/?scan_range=${rangeId}`, { token: staff })).body.results;
const nodesAt = async (prefix: string): Promise<NodeDto[]> => (await api.request("GET", `/api/node/?search=${prefix}`, { token: staff })).body.results;

describe("a scan", () => {
  it("finds exactly the simulated BMCs of every vendor, and nothing at the empty or non-Redfish addresses", async () => {
    const rangeId = await createRange("Rack 54", "127.54.10.1", "127.54.10.40");
    const ended = await scan(rangeId);
    expect(ended).toMatchObject({ status: "ready", status_message: "", last_scan_found: 5, addresses_probed: 40, addresses_total: 40 });
    expect(ended.last_scan_at).toMatch(/Z$/);

    const found = await nodesOf(rangeId);
    expect(found.map((node) => `${node.ip}:${node.port}`)).toEqual(mixed.bmcs.map((bmc) => `${bmc.address}:${bmc.port}`));
    expect(found.map((node) => node.vendor)).toEqual(["Dell", "HPE", "HPE", "Supermicro", "Lenovo"]);
    const fingerprint = certificateSha256(mixed.certificate!);
    for (const node of found) {
      expect(node).toMatchObject({ status: "discovered", status_message: "", certificate_sha256: fingerprint, scan_range: rangeId });
      expect(node.product).not.toBe("");
      expect(node.last_seen).toMatch(/Z$/);
    }
    // HPE's service roots name the server model as their Product.
    expect(found[2]!.product).toBe(mixed.bmcs[2]!.model);
  });
});

describe("a re-scan", () => {
  it("updates the nodes in place, keeps registered ones registered, marks vanished ones unreachable and flags a changed certificate", async () => {
    const rangeId = await createRange("Rack 54 again", "127.54.10.11", "127.54.10.31");
    const leaving = await startFleet({ count: 1, vendor: "dell", base: "127.54.10.31", port, seed: 55 });
    fleets.push(leaving);
    expect(await scan(rangeId)).toMatchObject({ status: "ready", last_scan_found: 6 });
    const first = await nodesOf(rangeId);
    const [dell, ilo5] = first;
    await createTestServer(api.db, { nodeId: dell!.id });
    await api.db.update(nodes).set({ status: "registered" }).where(eq(nodes.id, dell!.id));
    // The BMC at .12 now presents another certificate than the one trusted on first sight.
    await api.db.update(nodes).set({ certificateSha256: "f".repeat(64) }).where(eq(nodes.id, ilo5!.id));
    await leaving.stop();

    expect(await scan(rangeId)).toMatchObject({ status: "ready", last_scan_found: 5 });
    const second = await nodesOf(rangeId);
    expect(second.map((node) => node.id)).toEqual(first.map((node) => node.id));
    expect((await nodesAt("127.54.10.11:")).map((node) => node.id)).toEqual([dell!.id]);
    const byIp = new Map(second.map((node) => [node.ip, node]));
    expect(byIp.get("127.54.10.11")!.status).toBe("registered");
    expect(byIp.get("127.54.10.31")).toMatchObject({ status: "unreachable", status_message: expect.stringContaining('No Redfish service answered the scan of "Rack 54 again"') });
    const changed = byIp.get("127.54.10.12")!;
    expect(changed).toMatchObject({ status: "error", certificate_sha256: "f".repeat(64) });
    expect(changed.status_message).toContain(`presents a different TLS certificate (SHA-256 ${certificateSha256(mixed.certificate!)})`);
    expect(second.filter((node) => node.ip !== "127.54.10.12" && node.ip !== "127.54.10.31").every((node) => new Date(node.last_seen) > new Date(first[0]!.last_seen))).toBe(true);

    // The operator accepts the new certificate explicitly; a BMC back on its address is discovered again.
    const accepted = await api.request("POST", `/api/node/${changed.id}/accept_certificate/`, { token: staff });
    expect(accepted.body).toMatchObject({ status: "discovered", certificate_sha256: certificateSha256(mixed.certificate!) });
    fleets.push(await startFleet({ count: 1, vendor: "dell", base: "127.54.10.31", port, seed: 55 }));
    await scan(rangeId);
    expect((await nodesAt("127.54.10.31:"))[0]).toMatchObject({ id: byIp.get("127.54.10.31")!.id, status: "discovered", status_message: "" });
  });
});

describe("faults", () => {
  it("never leaves a scan stuck: a hanging BMC and one that resets every connection are not nodes, and the scan ends", async () => {
    fleets.push(await startFleet({ count: 1, vendor: "lenovo", base: "127.54.10.50", port, seed: 56, faults: { hang: true } }));
    fleets.push(await startFleet({ count: 1, vendor: "supermicro", base: "127.54.10.51", port, seed: 57, faults: { resetRate: 1 } }));
    fleets.push(await startFleet({ count: 1, vendor: "hpe-ilo4", base: "127.54.10.52", port, seed: 58, faults: { latencyMs: 300 } }));
    const rangeId = await createRange("Faulty rack", "127.54.10.49", "127.54.10.53");
    const started = Date.now();
    expect(await scan(rangeId)).toMatchObject({ status: "ready", last_scan_found: 1 });
    // The hanging BMC costs one probe timeout (1 s here), not more.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await nodesOf(rangeId)).map((node) => node.ip)).toEqual(["127.54.10.52"]);
  });
});
