import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TestApi } from "~/server/testing/api-server";
import { bmcState, startFleet, type Fleet } from "~/simulator";
import { startWorker } from "~/workers/runner";
import { evaluateCompliance } from "../compliance";
import { readRequestProgress, readServerSteps } from "./progress";
import { createBaseline, createPool, createRemediationRequest, waitForRequest } from "./testing/fixtures";
import { registerBmcs, type RegisteredServer } from "./testing/fleet";
import { BIOS_BMC_TARGETS, startEngineTest, type EngineTest } from "./testing/settings";

let engine: EngineTest;
let api: TestApi;
let fleet: Fleet;
let worker: Runner;
let registered: RegisteredServer[];
const EXCEPTION = "Flash write error at block 42 (injected).";

const TARGET = BIOS_BMC_TARGETS;

beforeAll(async () => {
  engine = await startEngineTest("faults");
  api = engine.api;
  fleet = await startFleet({ base: "127.59.3.1", count: 10, vendor: "mixed", seed: 593, timings: { taskMs: 150, powerMs: 60, bmcRestartMs: 300 } });
  registered = await registerBmcs(api, engine.staff, fleet.bmcs, fleet.certificate!);
  worker = await startWorker(process.env.DATABASE_URL!);
}, 240_000);

afterAll(async () => {
  await worker?.stop();
  await fleet?.stop();
  await engine?.stop();
});

it("10% of BMC calls failing and one task ending in Exception: that server fails with the BMC's message, the others end compliant, the request partially_failed", async () => {
  const baselineId = await createBaseline(api.db, "faults", registered, (server) => TARGET[server.vendor]!);
  const serverIds = registered.map((server) => server.id);
  const poolId = await createPool(api.db, "faults", serverIds);
  // From here on, every BMC answers 5% of requests with a 500 and resets 5% of connections.
  for (const bmc of fleet.bmcs) bmc.setFaults({ errorRate: 0.05, resetRate: 0.05 });
  const broken = registered[3]!;
  fleet.bmcs.find((bmc) => bmc.address === broken.address)!.setFaults({ failTasks: EXCEPTION });

  const request = await createRemediationRequest(api.db, "firmware_baseline_update", { baseline: baselineId, pool: poolId, max_parallel: 10 }, serverIds);
  const ended = await waitForRequest(api.db, request.id, 150_000);

  const parts = await readServerSteps(api.db, request.id, serverIds);
  expect(parts.get(broken.id)).toMatchObject({ status: "failed", message: expect.stringContaining(EXCEPTION) });
  const failedStep = parts.get(broken.id)!.steps.find((step) => step.status === "failed")!;
  expect(failedStep).toMatchObject({ name: "bmc:wait_for_task", message: expect.stringContaining(EXCEPTION) });
  const others = [...parts.entries()].filter(([id]) => id !== broken.id);
  expect(others.filter(([, part]) => part.status !== "succeeded").map(([id, part]) => ({ id, message: part.message }))).toEqual([]);
  expect(ended.status).toBe("partially_failed");
  expect((await readRequestProgress(api.db, [request.id])).get(request.id)).toEqual({ servers_total: 10, servers_done: 10, servers_failed: 1, percent: 100 });

  for (const bmc of fleet.bmcs) bmc.setFaults({ errorRate: undefined, resetRate: undefined });
  const report = await evaluateCompliance({ ctx: { actor: { kind: "system" }, db: api.db }, input: { baselineId, scope: { kind: "pool", poolId } } });
  expect(report.servers.filter((server) => server.overall_status !== "compliant").map((server) => server.server_id)).toEqual([broken.id]);
  // Retries never sent an update twice.
  expect(fleet.bmcs.filter((bmc) => bmc.address !== broken.address).every((bmc) => bmcState(bmc).flash_history.length === 2)).toBe(true);
}, 200_000);
