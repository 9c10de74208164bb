import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { findFreePort } from "~/db/bootstrap/free-port";
import { startFleet, type Fleet } from "~/simulator";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { spawnWorker } from "~/server/testing/worker-process";
import { createTestUser } from "~/server/testing/factories";
import { eventually, scanEnded } from "~/server/testing/scans";
import { startWorker } from "~/workers/runner";

const HEARTBEAT = { RACKPILOT_WORKER_HEARTBEAT_INTERVAL: "0.5", RACKPILOT_WORKER_HEARTBEAT_EXPIRY: "3" };
let api: TestApi;
let fleet: Fleet;
let staff: string;
let worker: ChildProcess | undefined;

beforeAll(async () => {
  Object.assign(process.env, HEARTBEAT, { RACKPILOT_SCAN_PROBE_TIMEOUT: "1" });
  api = await startTestApi();
  staff = (await createTestUser(api.db, { isStaff: true })).token;
  // 127.54.11.5 accepts connections and never answers: the worker below waits on it for two minutes.
  fleet = await startFleet({ base: "127.54.11.5", port: await findFreePort("127.54.11.5"), seed: 11, bmcs: [{ vendor: "dell", faults: { hang: true } }, { vendor: "lenovo" }] });
});
afterAll(async () => {
  worker?.kill("SIGKILL");
  await fleet.stop();
  await api.close();
});

/** `npm run worker` as its own process, against the test database. */
const startWorkerProcess = async () => (await spawnWorker({ ...HEARTBEAT, DATABASE_URL: process.env.DATABASE_URL, RACKPILOT_SCAN_PROBE_TIMEOUT: "120" })).child;

it("a worker killed with SIGKILL mid-scan leaves no range scanning: a live worker retries its chunk within seconds", async () => {
  worker = await startWorkerProcess();
  const range = await api.request("POST", "/api/node_discovery/scan_range/", {
    token: staff,
    json: { name: "Crash rack", ip_from: "127.54.11.1", ip_to: "127.54.11.10", ports: [fleet.bmcs[0]!.port] },
  });
  expect((await api.request("POST", "/api/node_discovery/run_scan/", { token: staff, json: { scan_ranges: [range.body.id] } })).status).toBe(202);
  // The worker process holds the chunk: swept, and stuck identifying the BMC that never answers.
  await eventually(
    async () => {
      const [chunk] = await api.db.execute<{ status: string; addresses_probed: number }>(sql`select status, addresses_probed from scan_chunks`);
      return chunk?.status === "running" && chunk.addresses_probed === 10 ? chunk : undefined;
    },
    15_000,
    "the worker process to sweep the chunk",
  );

  worker.kill("SIGKILL");
  await once(worker, "exit");
  const killedAt = Date.now();
  expect((await api.request("GET", `/api/node_discovery/scan_range/${range.body.id}/`, { token: staff })).body.status).toBe("scanning");

  const live = await startWorker(process.env.DATABASE_URL!);
  try {
    const ended = await scanEnded(api, staff, range.body.id, 30_000);
    // Heartbeat expiry (3 s here, 30 s by default) plus a beat and a short scan: far below a minute.
    expect(Date.now() - killedAt).toBeLessThan(20_000);
    expect(ended).toMatchObject({ status: "ready", last_scan_found: 1, addresses_probed: 10 });
  } finally {
    await live.stop();
  }
});
