import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complianceSnapshots, requestServers, requestSteps } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { bmcState, startFleet, type BmcHandle, type Fleet } from "~/simulator";
import { startWorker } from "~/workers/runner";
import { evaluateCompliance } from "../compliance";
import { readRequestProgress, readServerSteps } from "./progress";
import { createBaseline, createPool, createRemediationRequest, poolServerIds, waitForRequest } from "./testing/fixtures";
import { registerBmcs, type RegisteredServer } from "./testing/fleet";

let api: TestApi;
let fleet: Fleet;
let worker: Runner;
let dataDir: string;
let registered: RegisteredServer[];
const saved = { ...process.env };
const system = () => ({ actor: { kind: "system" as const }, db: api.db });

const TARGET: Record<string, { bios: string; bmc: string }> = {
  dell: { bios: "1.19.9", bmc: "7.99.00.00" },
  "hpe-ilo5": { bios: "U46 v2.99 (01/01/2026)", bmc: "iLO 5 v2.99" },
  "hpe-ilo4": { bios: "P89 v2.99 (01/01/2026)", bmc: "iLO 4 v2.82" },
  supermicro: { bios: "2.9", bmc: "01.09.99" },
  lenovo: { bios: "U8E199Z-9.99", bmc: "TGBT99Z-9.99" },
  openbmc: { bios: "2.99.0", bmc: "2.99.0-bmc" },
};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "rackpilot-remediation-"));
  Object.assign(process.env, {
    RACKPILOT_DATA_DIR: dataDir,
    RACKPILOT_WORKER_POLL_INTERVAL: "0.1",
    RACKPILOT_COMPLIANCE_NIGHTLY_HOUR: "off",
    RACKPILOT_REMEDIATION_FAULT_BUDGET: "20",
    RACKPILOT_UPDATE_TIMEOUTS: JSON.stringify({ "*": { poll: 0.1, task: 30, bmc_return: 20, graceful_restart: 5, power_on: 20 } }),
  });
  api = await startTestApi();
  process.env.RACKPILOT_PUBLIC_URL = api.baseUrl;
  const staff = (await createTestUser(api.db, { isStaff: true })).token;
  fleet = await startFleet({
    base: "127.59.1.1",
    seed: 591,
    timings: { taskMs: 150, powerMs: 60, bmcRestartMs: 300 },
    bmcs: (["dell", "hpe-ilo5", "hpe-ilo4", "supermicro", "lenovo", "openbmc"] as const).map((vendor) => ({ vendor })),
  });
  registered = await registerBmcs(api, staff, fleet.bmcs, fleet.certificate!);
  worker = await startWorker(process.env.DATABASE_URL!);
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await Promise.all([fleet?.stop(), api?.close()]);
  await rm(dataDir, { recursive: true, force: true });
  process.env = saved;
});

const bmcOf = (server: RegisteredServer) => fleet.bmcs.find((bmc) => bmc.address === server.address) as BmcHandle;

describe("a firmware_baseline_update over a mixed-vendor pool", () => {
  it("takes every server from non-compliant to compliant, each component flashed once, BIOS only after the restart", async () => {
    const baselineId = await createBaseline(api.db, "mixed pool", registered, (server) => TARGET[server.vendor]!);
    const poolId = await createPool(api.db, "mixed", registered.map((server) => server.id));
    const serverIds = await poolServerIds(api.db, poolId);
    const scope = { kind: "pool" as const, poolId };
    expect((await evaluateCompliance({ ctx: system(), input: { baselineId, scope } })).summary).toMatchObject({ total_servers: 6, non_compliant: 6 });

    const request = await createRemediationRequest(api.db, "firmware_baseline_update", { baseline: baselineId, pool: poolId, max_parallel: 3 }, serverIds);
    const ended = await waitForRequest(api.db, request.id, 90_000);
    const parts = await readServerSteps(api.db, request.id, serverIds);
    const failures = [...parts.values()].filter((part) => part.status !== "succeeded");
    expect(failures, JSON.stringify(failures, null, 1)).toEqual([]);
    expect(ended.status).toBe("succeeded");
    expect((await readRequestProgress(api.db, [request.id])).get(request.id)).toEqual({ servers_total: 6, servers_done: 6, servers_failed: 0, percent: 100 });

    const report = await evaluateCompliance({ ctx: system(), input: { baselineId, scope } });
    expect(report.summary).toMatchObject({ total_servers: 6, compliant: 6 });
    const [snapshot] = await api.db.select().from(complianceSnapshots).where(and(eq(complianceSnapshots.baselineId, baselineId), eq(complianceSnapshots.trigger, "remediation")));
    expect(snapshot).toMatchObject({ totalServers: 6, compliant: 6, nonCompliant: 0 });

    const methods = new Set<string>();
    for (const server of registered) {
      const bmc = bmcOf(server);
      const target = TARGET[server.vendor]!;
      const history = bmcState(bmc).flash_history;
      expect(history.map((entry) => entry.type).sort(), server.vendor).toEqual(["bios", "bmc"]);
      expect(history.every((entry) => entry.outcome === "applied"), JSON.stringify(history)).toBe(true);
      for (const entry of history) methods.add(entry.method);

      const part = parts.get(server.id)!;
      expect(part.versions.after).toEqual({ bmc: target.bmc, bios: target.bios });
      expect(part.versions.before).toEqual({ bmc: expect.not.stringMatching(target.bmc), bios: expect.not.stringMatching(target.bios) });
      const names = part.steps.map((step) => step.name);
      expect(names.slice(0, 3)).toEqual(["compliance_check", "log_versions", "bmc:check_binary"]);
      expect(names.at(-1)).toBe("log_new_versions");
      const restart = part.steps.find((step) => step.name === "bios:restart_host")!;
      const bios = history.find((entry) => entry.type === "bios")!;
      if (server.vendor === "openbmc") {
        // OpenBMC flashes a BIOS with the host off; powering it on after the task applies it, no restart.
        expect(restart).toMatchObject({ status: "skipped", message: expect.stringContaining("powered off for the flash") });
        expect(part.steps.filter((step) => step !== restart).every((step) => step.status === "succeeded")).toBe(true);
      } else {
        expect(part.steps.every((step) => step.status === "succeeded")).toBe(true);
        // The BIOS flash took effect only once the restart step had restarted the host.
        expect(Date.parse(bios.finished_at!)).toBeGreaterThanOrEqual(Date.parse(restart.started_at!));
      }
      expect(part.steps.find((step) => step.name === "bios:confirm_version")!.message).toBe(`Confirmed: the BMC reports ${target.bios}.`);
    }
    // SimpleUpdate (Dell, iLO 5, Supermicro, Lenovo), iLO 4's InstallFromURI, OpenBMC's multipart push.
    expect([...methods].sort()).toEqual(["InstallFromURI", "MultipartHttpPushUri", "SimpleUpdate"]);
  }, 120_000);
});
