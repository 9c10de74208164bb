import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TestApi } from "~/server/testing/api-server";
import { spawnFleet, type FleetProcess } from "~/simulator";
import type { VendorKey } from "~/simulator/types";
import { evaluateCompliance } from "../compliance";
import { readServerSteps } from "./progress";
import { createBaseline, createPool, createRemediationRequest, waitForRequest } from "./testing/fixtures";
import { registerBmcs, type RegisteredServer } from "./testing/fleet";
import { BIOS_BMC_TARGETS, startEngineTest, type EngineTest } from "./testing/settings";
import { killHard, spawnWorker, type WorkerProcess } from "~/server/testing/worker-process";

const SERVERS = 50;
const KILLS = 4;
let engine: EngineTest;
let api: TestApi;
let fleet: FleetProcess;
let registered: RegisteredServer[];
let worker: WorkerProcess | undefined;

const TARGET = BIOS_BMC_TARGETS;

beforeAll(async () => {
  engine = await startEngineTest("crash", {
    RACKPILOT_WORKER_CONCURRENCY: "8",
    RACKPILOT_WORKER_HEARTBEAT_INTERVAL: "0.5",
    RACKPILOT_WORKER_HEARTBEAT_EXPIRY: "2",
    RACKPILOT_UPDATE_TIMEOUTS: JSON.stringify({ "*": { poll: 0.2, task: 60, bmc_return: 60, graceful_restart: 10, power_on: 60 } }),
  });
  api = engine.api;
  // The fleet lives in its own process: only the worker is killed.
  const tls = path.join(engine.dir, "tls");
  fleet = await spawnFleet({ base: "127.59.2.1", count: SERVERS, vendor: "mixed", seed: 592, certificateDir: tls, timings: { taskMs: 400, powerMs: 100, bmcRestartMs: 500 } });
  const bmcs = (await fleet.control.bmcs()).map((bmc) => ({ address: bmc.address, port: bmc.port, vendor: bmc.vendor as VendorKey }));
  registered = await registerBmcs(api, engine.staff, bmcs, await readFile(path.join(tls, "bmc-cert.pem"), "utf8"));

}, 240_000);

afterAll(async () => {
  if (worker) await killHard(worker);
  await fleet?.stop();
  await engine?.stop();
});

it(`a worker killed -9 ${KILLS} times during a baseline remediation of ${SERVERS} servers: every server compliant, each component flashed once, the request succeeded`, async () => {
  const baselineId = await createBaseline(api.db, "crash", registered, (server) => TARGET[server.vendor]!);
  const serverIds = registered.map((server) => server.id);
  const poolId = await createPool(api.db, "crash", serverIds);
  const request = await createRemediationRequest(api.db, "firmware_baseline_update", { baseline: baselineId, pool: poolId, max_parallel: SERVERS }, serverIds);

  // Killed at random moments (sending, polling, restarting, confirming), restarted at once each time.
  for (let kill = 0; kill < KILLS; kill++) {
    worker = await spawnWorker({ DATABASE_URL: process.env.DATABASE_URL });
    await new Promise((resolve) => setTimeout(resolve, 1500 + Math.random() * 2500));
    await killHard(worker);
  }
  worker = await spawnWorker({ DATABASE_URL: process.env.DATABASE_URL });
  const ended = await waitForRequest(api.db, request.id, 240_000);

  const parts = await readServerSteps(api.db, request.id, serverIds);
  const failures = [...parts.entries()].filter(([, part]) => part.status !== "succeeded").map(([id, part]) => ({ id, message: part.message }));
  expect(failures).toEqual([]);
  expect(ended.status).toBe("succeeded");
  const report = await evaluateCompliance({ ctx: { actor: { kind: "system" }, db: api.db }, input: { baselineId, scope: { kind: "pool", poolId } } });
  expect(report.summary).toMatchObject({ total_servers: SERVERS, compliant: SERVERS });
  const history = await fleet.control.bmcs();
  expect(history).toHaveLength(SERVERS);
  for (const bmc of history) {
    expect(bmc.flash_history.map((entry) => `${entry.type}:${entry.outcome}`).sort(), bmc.address).toEqual(["bios:applied", "bmc:applied"]);
    expect(bmc.firmware).toMatchObject(TARGET[bmc.vendor]!);
  }
}, 300_000);
