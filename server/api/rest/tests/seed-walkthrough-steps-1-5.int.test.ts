import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { inArray } from "drizzle-orm";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodes, servers } from "~/db/schema";
import { startFleet, type Fleet } from "~/simulator";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { startWorker } from "~/workers/runner";

const SCRIPT = path.join(import.meta.dirname, "seed-walkthrough-steps-1-5.sh");
let api: TestApi;
let fleet: Fleet;
let worker: Runner;

beforeAll(async () => {
  api = await startTestApi();
  await createTestUser(api.db, { username: "admin", password: "your_password", isStaff: true });
  // The walkthrough's rack: ten Dell BMCs with default credentials, on port 443 of the range it scans
  // (binding 443 needs root, as CI runs).
  fleet = await startFleet({ base: "127.58.8.1", port: 443, count: 10, vendor: "dell", seed: 588 });
  worker = await startWorker(process.env.DATABASE_URL!);
});
afterAll(() => Promise.all([worker.stop(), fleet.stop(), api.close()]));

describe("the seed's walkthrough, steps 1-5, as a curl + jq script", () => {
  it("authenticates, creates the profile and range, scans, and registers each discovered node", { timeout: 90_000 }, async () => {
    const { stdout } = await promisify(execFile)("bash", [SCRIPT], { env: { ...process.env, MOJOHOST: api.baseUrl }, timeout: 80_000 });
    expect(stdout).toMatch(/^"admin"\nCreated auth profile: \d+\n\{"id":\d+,"username":"root"/);
    expect(stdout).toMatch(/"status":"scanning".*\}\]\}Scan status: scanning\n(Scan status: scanning\n)*Scan status: ready\n/);
    const found = /^Found nodes: ([\d\n]+)$/m.exec(stdout)![1]!.split("\n").map(Number);
    expect(found).toHaveLength(10);
    const registered = await api.db.select().from(nodes).where(inArray(nodes.id, found)).orderBy(nodes.ip);
    expect(registered.map((node) => [node.ip, node.port, node.status])).toEqual(fleet.bmcs.map((bmc) => [bmc.address, 443, "registered"]));
    const rows = await api.db.select().from(servers).where(inArray(servers.nodeId, found));
    expect(rows.map((row) => row.serialNumber).sort()).toEqual(fleet.bmcs.map((bmc) => bmc.serial).sort());
    // Each register call answered the server object, as the walkthrough's loop prints it.
    for (const row of rows) expect(stdout).toContain(`"id":${row.id},"name":"${row.name}","manufacturer":"Dell","manufacturer_reported":"Dell Inc.","model":"${row.model}"`);
    expect(rows.every((row) => row.model.startsWith("PowerEdge"))).toBe(true);
    for (const bmc of fleet.bmcs) expect(bmc.sessions).toEqual([]);
  });
});
