import { eq, inArray } from "drizzle-orm";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanRanges, servers } from "~/db/schema";
import { startFleet, type Fleet } from "~/simulator";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestNode } from "~/server/testing/inventory";
import { createNodeFor, createTestProfile, expectServerMatchesSimulator } from "~/server/testing/registration";
import { eventually } from "~/server/testing/scans";
import { startWorker } from "~/workers/runner";
import { registerNodesAbandoned } from "~/workers/tasks/register-nodes";

let api: TestApi;
let fleet: Fleet;
let staff: string;
let profile: number;
let rangeId: number;
const nodeIds: number[] = [];

beforeAll(async () => {
  api = await startTestApi();
  staff = (await createTestUser(api.db, { isStaff: true })).token;
  // Five good BMCs of every vendor, and one whose account has another password.
  fleet = await startFleet({ base: "127.58.6.1", seed: 586, bmcs: [{ count: 5, vendor: "mixed" }, { vendor: "dell", password: "not-in-the-profile" }] });
  profile = (await createTestProfile(api, staff, [{ username: "root", password: "bmc_password" }], "Rack 586")).id;
  rangeId = (await api.db.insert(scanRanges).values({ name: "Rack 586", ipFrom: "127.58.6.1", ipTo: "127.58.6.20" }).returning())[0]!.id;
  for (const bmc of fleet.bmcs) nodeIds.push((await createNodeFor(api, fleet, bmc, { scanRangeId: rangeId })).id);
});
afterAll(() => Promise.all([fleet.stop(), api.close()]));

const start = (json: unknown, token = staff) => api.request("POST", "/api/node/register/", { token, json });
const read = (id: number, token = staff) => api.request("GET", `/api/node/register/${id}/`, { token });
const ended = (id: number) =>
  eventually(async () => {
    const { body } = await read(id);
    return ["pending", "running"].includes(body.status) ? undefined : body;
  }, 30_000, `bulk registration ${id} to end`);

describe("POST /api/node/register/ validation", () => {
  it("needs nodes or a scan range, existing ones, and an auth profile; staff only", async () => {
    const either = { non_field_errors: ["Give either nodes (a list of node ids) or scan_range (a scan range id), not both."] };
    expect(await start({ auth_profile: profile })).toMatchObject({ status: 400, body: either });
    expect((await start({ auth_profile: profile, nodes: [nodeIds[0]], scan_range: rangeId })).body).toEqual(either);
    expect((await start({ auth_profile: profile, nodes: [] })).body).toEqual({ nodes: ["This list may not be empty."] });
    expect((await start({ auth_profile: profile, nodes: [nodeIds[0], 999999] })).body).toEqual({ nodes: ['Invalid pk "999999" - object does not exist.'] });
    expect((await start({ auth_profile: profile, scan_range: 999999 })).body).toEqual({ scan_range: ['Invalid pk "999999" - object does not exist.'] });
    expect((await start({ nodes: [nodeIds[0]] })).body).toEqual({ auth_profile: ["This field is required."] });
    const user = (await createTestUser(api.db, { groups: [1] })).token;
    expect(await start({ auth_profile: profile, nodes: [nodeIds[0]] }, user)).toMatchObject({ status: 403 });
    expect(await read(1, user)).toMatchObject({ status: 403 });
    expect(await read(999999)).toMatchObject({ status: 404, body: { detail: "No Registration matches the given query." } });
  });
});

describe("a bulk registration run by a worker", () => {
  let worker: Runner;
  beforeAll(async () => {
    worker = await startWorker(process.env.DATABASE_URL!);
  });
  afterAll(() => worker.stop());

  it("answers 202 at once, then registers every node of the scan range, reporting each", async () => {
    const response = await start({ scan_range: rangeId, auth_profile: profile });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ status: "pending", nodes_total: 6, nodes_done: 0, nodes_failed: 0, finished_at: null });
    expect(response.body.results).toEqual(nodeIds.map((node) => ({ node, server: null, status: "pending", message: "" })));
    const batch = await ended(response.body.id);
    const odd = fleet.bmcs[5]!;
    expect(batch).toMatchObject({ status: "partially_failed", nodes_total: 6, nodes_done: 6, nodes_failed: 1, finished_at: expect.stringMatching(/Z$/) });
    expect(batch.results[5]).toEqual({ node: nodeIds[5], server: null, status: "failed", message: `BMC ${odd.address}:${odd.port} accepted no credential of auth profile "Rack 586" (id ${profile}): its only credential was refused.` });
    for (const [i, bmc] of fleet.bmcs.slice(0, 5).entries()) {
      expect(batch.results[i]).toMatchObject({ node: nodeIds[i], status: "succeeded", message: "" });
      await expectServerMatchesSimulator(api, staff, batch.results[i].server, bmc);
    }
    for (const bmc of fleet.bmcs) expect(bmc.sessions).toEqual([]);
  });

  it("takes only the range's nodes not registered yet, and never duplicates a server", async () => {
    const retry = await ended((await start({ scan_range: rangeId, auth_profile: profile })).body.id);
    expect(retry).toMatchObject({ status: "failed", nodes_total: 1, results: [{ node: nodeIds[5], status: "failed" }] });
    const again = await ended((await start({ nodes: nodeIds.slice(0, 5), auth_profile: profile })).body.id);
    expect(again).toMatchObject({ status: "succeeded", nodes_done: 5, nodes_failed: 0 });
    expect(await api.db.select({ id: servers.id }).from(servers).where(inArray(servers.nodeId, nodeIds))).toHaveLength(5);
  });

  it("ends at once with nothing to do", async () => {
    const idle = await api.db.insert(scanRanges).values({ name: "Empty rack", ipFrom: "127.58.6.100", ipTo: "127.58.6.110" }).returning();
    const response = await start({ scan_range: idle[0]!.id, auth_profile: profile });
    expect(response).toMatchObject({ status: 202, body: { status: "succeeded", nodes_total: 0, results: [] } });
  });
});

describe("a chunk whose worker died during its last attempt", () => {
  it("fails the nodes it left, with the reason, and ends the batch", async () => {
    const orphan = await createTestNode(api.db, { ip: "127.58.6.200", certificateSha256: "e".repeat(64) });
    const batch = (await start({ nodes: [orphan.id], auth_profile: profile })).body;
    await registerNodesAbandoned({ id: "1", taskIdentifier: "register_nodes", key: `register_nodes:${batch.id}:0`, attempts: 3, maxAttempts: 3 });
    expect((await read(batch.id)).body).toMatchObject({
      status: "failed",
      nodes_failed: 1,
      results: [{ node: orphan.id, status: "failed", message: "Not registered: the worker registering it stopped during each of its 3 attempts." }],
    });
    expect(await api.db.select().from(servers).where(eq(servers.nodeId, orphan.id))).toEqual([]);
  });
});
