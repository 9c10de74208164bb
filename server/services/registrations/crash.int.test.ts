import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { registrationBatchNodes, servers } from "~/db/schema";
import { startFleet, type Fleet } from "~/simulator";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { spawnWorker } from "~/server/testing/worker-process";
import { createTestUser } from "~/server/testing/factories";
import { createNodeFor, createTestProfile } from "~/server/testing/registration";
import { eventually } from "~/server/testing/scans";
import { startWorker } from "~/workers/runner";

const HEARTBEAT = { RACKPILOT_WORKER_HEARTBEAT_INTERVAL: "0.5", RACKPILOT_WORKER_HEARTBEAT_EXPIRY: "3" };
let api: TestApi;
let fleet: Fleet;
let worker: ChildProcess | undefined;

beforeAll(async () => {
  Object.assign(process.env, HEARTBEAT);
  api = await startTestApi();
  // Slow BMCs: each registration takes a while, so the worker can be killed in the middle of one.
  fleet = await startFleet({ base: "127.58.7.1", seed: 587, count: 4, vendor: "mixed", faults: { latencyMs: 150 } });
});
afterAll(async () => {
  worker?.kill("SIGKILL");
  await fleet.stop();
  await api.close();
});

/** `npm run worker` as its own process, registering one BMC at a time. */
const startWorkerProcess = async () => (await spawnWorker({ ...HEARTBEAT, DATABASE_URL: process.env.DATABASE_URL, RACKPILOT_REGISTER_CONCURRENCY: "1" })).child;

it("a worker killed mid-batch: a live worker finishes it within seconds, and no node is registered twice", async () => {
  const staff = (await createTestUser(api.db, { isStaff: true })).token;
  const profile = await createTestProfile(api, staff, [{ username: "root", password: "bmc_password" }]);
  const nodeIds: number[] = [];
  for (const bmc of fleet.bmcs) nodeIds.push((await createNodeFor(api, fleet, bmc)).id);
  worker = await startWorkerProcess();
  const batch = (await api.request("POST", "/api/node/register/", { token: staff, json: { nodes: nodeIds, auth_profile: profile.id } })).body;
  const items = () => api.db.select().from(registrationBatchNodes).where(eq(registrationBatchNodes.batchId, batch.id)).orderBy(registrationBatchNodes.id);
  await eventually(async () => ((await items()).some((item) => item.status === "succeeded") && (await items()).some((item) => item.status === "running") ? true : undefined), 30_000, "one node registered and the next one under way");

  worker.kill("SIGKILL");
  await once(worker, "exit");
  const killedAt = Date.now();
  const doneBefore = (await items()).filter((item) => item.status === "succeeded");
  expect(doneBefore.length).toBeLessThan(nodeIds.length);
  const stampsBefore = await api.db.select({ id: servers.id, at: servers.inventoryUpdatedAt }).from(servers).where(inArray(servers.id, doneBefore.map((item) => item.serverId!)));

  const live = await startWorker(process.env.DATABASE_URL!);
  try {
    const ended = await eventually(async () => {
      const { body } = await api.request("GET", `/api/node/register/${batch.id}/`, { token: staff });
      return body.finished_at ? body : undefined;
    }, 30_000, "the batch to end");
    expect(Date.now() - killedAt).toBeLessThan(20_000);
    expect(ended).toMatchObject({ status: "succeeded", nodes_done: 4, nodes_failed: 0 });
  } finally {
    await live.stop();
  }
  // What the dead worker had committed was not registered again; every BMC has exactly one server.
  const stampsAfter = await api.db.select({ id: servers.id, at: servers.inventoryUpdatedAt }).from(servers).where(inArray(servers.id, doneBefore.map((item) => item.serverId!)));
  expect(stampsAfter).toEqual(stampsBefore);
  expect(await api.db.select({ node: servers.nodeId }).from(servers).where(inArray(servers.nodeId, nodeIds))).toHaveLength(4);
});
