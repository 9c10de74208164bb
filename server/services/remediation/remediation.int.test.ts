import { and, eq, sql } from "drizzle-orm";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complianceSnapshots, requestSteps, servers as serverTable } from "~/db/schema";
import type { TestApi } from "~/server/testing/api-server";
import { restartHost, withBmc } from "~/server/redfish";
import { clientOptionsFor } from "~/server/redfish/testing/fleet";
import { bmcState, startFleet, type BmcHandle, type Fleet } from "~/simulator";
import { startWorker } from "~/workers/runner";
import { evaluateCompliance } from "../compliance";
import { readRequestProgress, readServerSteps } from "./progress";
import { requestCancel } from "./start";
import { createBaseline, createPool, createRemediationRequest, poolServerIds, storeBinary, waitForRequest } from "./testing/fixtures";
import { registerBmcs, type RegisteredServer } from "./testing/fleet";
import { BIOS_BMC_TARGETS, startEngineTest, type EngineTest } from "./testing/settings";

let engine: EngineTest;
let api: TestApi;
let fleet: Fleet;
let worker: Runner;
let registered: RegisteredServer[];
const system = () => ({ actor: { kind: "system" as const }, db: api.db });

const TARGET: Record<string, { bios: string; bmc: string; storage_controller?: string; lsi_3108?: string }> = {
  ...BIOS_BMC_TARGETS,
  dell: { ...BIOS_BMC_TARGETS.dell!, storage_controller: "52.99.9-9999" },
  supermicro: { ...BIOS_BMC_TARGETS.supermicro!, lsi_3108: "4.99.99-9999" },
  lenovo: { ...BIOS_BMC_TARGETS.lenovo!, storage_controller: "52.99.9-9999" },
  openbmc: { bios: "2.99.0", bmc: "2.99.0-bmc" },
};

beforeAll(async () => {
  engine = await startEngineTest("remediation", {
    // Two worker slots for up to four servers at work: waiting must not hold a slot.
    RACKPILOT_WORKER_CONCURRENCY: "2",
    RACKPILOT_REMEDIATION_FAULT_BUDGET: "20",
    RACKPILOT_REMEDIATION_RESET_POLL_INTERVAL: "0.2",
    RACKPILOT_UPDATE_TIMEOUTS: JSON.stringify({ "*": { poll: 0.1, task: 30, bmc_return: 20, graceful_restart: 5, power_on: 20 } }),
  });
  api = engine.api;
  fleet = await startFleet({
    base: "127.59.1.1",
    seed: 591,
    timings: { taskMs: 150, powerMs: 60, bmcRestartMs: 300 },
    bmcs: (["dell", "hpe-ilo5", "hpe-ilo4", "supermicro", "lenovo", "openbmc"] as const).map((vendor) => ({ vendor })),
  });
  registered = await registerBmcs(api, engine.staff, fleet.bmcs, fleet.certificate!);
  worker = await startWorker(process.env.DATABASE_URL!);
}, 240_000);

afterAll(async () => {
  await worker?.stop();
  await fleet?.stop();
  await engine?.stop();
});

const bmcOf = (server: RegisteredServer) => fleet.bmcs.find((bmc) => bmc.address === server.address) as BmcHandle;
const byVendor = (vendor: string) => registered.find((server) => server.vendor === vendor)!;
const flashes = (server: RegisteredServer) => bmcState(bmcOf(server)).flash_history;

/** Polls until `check` holds. */
async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A firmware_update of one component of one server to `version` (a binary made for it). */
async function firmwareUpdate(server: RegisteredServer, type: "bios" | "bmc", version: string, data: Record<string, unknown> = {}) {
  const [row] = (await api.db.query.servers.findMany({ where: (servers, { eq }) => eq(servers.id, server.id) })) as { manufacturer: string; model: string }[];
  const binary = await storeBinary(api.db, { vendor: server.vendor, manufacturer: row!.manufacturer, model: row!.model, type, version });
  return createRemediationRequest(api.db, "firmware_update", { firmware: binary.id, servers: [server.id], ...data }, [server.id]);
}

describe("a firmware_baseline_update over a mixed-vendor pool", () => {
  it("takes every server from non-compliant to compliant, each component flashed once, BIOS only after the restart", async () => {
    const baselineId = await createBaseline(api.db, "mixed pool", registered, (server) => TARGET[server.vendor]!);
    const poolId = await createPool(api.db, "mixed", registered.map((server) => server.id));
    const serverIds = await poolServerIds(api.db, poolId);
    const scope = { kind: "pool" as const, poolId };
    expect((await evaluateCompliance({ ctx: system(), input: { baselineId, scope } })).summary).toMatchObject({ total_servers: 6, non_compliant: 6 });

    const request = await createRemediationRequest(api.db, "firmware_baseline_update", { baseline: baselineId, pool: poolId, max_parallel: 4 }, serverIds);
    const seen = { running: 0, waiting: 0 };
    const sampling = (async () => {
      for (;;) {
        const [row] = await api.db.execute<{ running: number; waiting: number; over: boolean }>(sql`select
          (select count(*)::int from request_servers where request_id = ${request.id} and status = 'running') as running,
          (select count(*)::int from request_steps st join request_servers rs on rs.id = st.request_server_id where rs.request_id = ${request.id} and st.status = 'waiting') as waiting,
          (select status not in ('pending', 'running') from requests where id = ${request.id}) as over`);
        seen.running = Math.max(seen.running, row!.running);
        seen.waiting = Math.max(seen.waiting, row!.waiting);
        if (row!.over) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    const ended = await waitForRequest(api.db, request.id, 90_000);
    await sampling;
    expect(seen.running).toBe(4);
    expect(seen.waiting).toBeGreaterThan(2);
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
      expect(history.map((entry) => entry.type).sort(), server.vendor).toEqual(Object.keys(target).sort());
      expect(history.every((entry) => entry.outcome === "applied"), JSON.stringify(history)).toBe(true);
      for (const entry of history) methods.add(entry.method);

      const part = parts.get(server.id)!;
      expect(part.versions.after).toEqual(target);
      for (const [type, version] of Object.entries(target)) expect(part.versions.before[type], type).not.toBe(version);
      const names = part.steps.map((step) => step.name);
      expect(names.slice(0, 3)).toEqual(["compliance_check", "log_versions", "bmc:check_binary"]);
      expect(names.at(-1)).toBe("log_new_versions");
      // One host restart for every component that needs it, after the last of them was flashed, then their confirmations.
      const storage = Object.keys(target).filter((type) => type !== "bios" && type !== "bmc");
      const restartAt = names.indexOf("restart_host");
      expect(names.filter((name) => name === "restart_host")).toHaveLength(1);
      expect(names.slice(restartAt - 1, restartAt)).toEqual([`${storage[0] ?? "bios"}:wait_for_task`]);
      expect(names.slice(restartAt + 1, -1)).toEqual(["bios:confirm_version", ...storage.map((type) => `${type}:confirm_version`)]);
      const restart = part.steps[restartAt]!;
      const bios = history.find((entry) => entry.type === "bios")!;
      if (server.vendor === "openbmc") {
        // OpenBMC flashes a BIOS with the host off; powering it on after the task applies it, no restart.
        expect(restart).toMatchObject({ status: "skipped", message: expect.stringContaining("powered off for the flash and on again") });
        expect(part.steps.filter((step) => step !== restart).every((step) => step.status === "succeeded")).toBe(true);
      } else {
        expect(part.steps.every((step) => step.status === "succeeded")).toBe(true);
        // The BIOS flash took effect only once the restart step had restarted the host.
        expect(Date.parse(bios.finished_at!)).toBeGreaterThanOrEqual(Date.parse(restart.started_at!));
      }
      expect(part.steps.find((step) => step.name === "bios:confirm_version")!.message).toBe(`Confirmed: the BMC reports ${target.bios}.`);
    }
    // A BMC's three good reads ran in one job: no job handed a series begun (good 1 or 2) over to the next.
    const confirmations = await api.db
      .select({ state: requestSteps.state, message: requestSteps.message })
      .from(requestSteps)
      .where(and(eq(requestSteps.name, "confirm_version"), eq(requestSteps.component, "bmc"), sql`${requestSteps.requestServerId} in (select id from request_servers where request_id = ${request.id})`));
    expect(confirmations).toHaveLength(6);
    for (const confirmation of confirmations) {
      expect(confirmation.message).toMatch(/^Confirmed: the BMC reports /);
      expect((confirmation.state as { good?: number }).good ?? 0).toBe(0);
    }
    // SimpleUpdate (Dell, iLO 5, Supermicro, Lenovo), iLO 4's InstallFromURI, OpenBMC's multipart push.
    expect([...methods].sort()).toEqual(["InstallFromURI", "MultipartHttpPushUri", "SimpleUpdate"]);
  }, 120_000);

  it("cancel: the flash a BMC accepted finishes, nothing new starts, the request ends cancelled", async () => {
    const servers = [byVendor("dell"), byVendor("supermicro"), byVendor("lenovo")];
    const baselineId = await createBaseline(api.db, "cancel", servers, (server) => ({ bmc: `${TARGET[server.vendor]!.bmc}.1`, bios: `${TARGET[server.vendor]!.bios}.1` }));
    const before = servers.map((server) => flashes(server).length);
    const request = await createRemediationRequest(api.db, "firmware_baseline_update", { baseline: baselineId, servers: servers.map((server) => server.id), max_parallel: 1 }, servers.map((server) => server.id));
    const first = servers[0]!;
    await until(async () => flashes(first).length > before[0]!);
    await requestCancel(api.db, request.id);
    expect((await waitForRequest(api.db, request.id, 60_000)).status).toBe("cancelled");

    const parts = await readServerSteps(api.db, request.id, servers.map((server) => server.id));
    const flashed = flashes(first).slice(before[0]);
    expect(flashed.map((entry) => [entry.type, entry.outcome])).toEqual([["bmc", "applied"]]);
    const steps = parts.get(first.id)!.steps;
    expect(steps.filter((step) => step.name.startsWith("bmc:")).every((step) => step.status === "succeeded")).toBe(true);
    expect(steps.filter((step) => step.name.startsWith("bios:") || step.name.startsWith("storage_controller:")).every((step) => step.status === "cancelled")).toBe(true);
    // Nothing flashed needed the host restart: the BIOS was never sent.
    expect(steps.find((step) => step.name === "restart_host")).toMatchObject({ status: "skipped" });
    expect(steps.at(-1)).toMatchObject({ name: "log_new_versions", status: "succeeded" });
    expect(parts.get(first.id)).toMatchObject({ status: "cancelled", versions: { after: { bmc: `${TARGET.dell!.bmc}.1` } } });
    for (const other of servers.slice(1)) {
      expect(parts.get(other.id)).toMatchObject({ status: "cancelled", steps: expect.any(Array) });
      expect(flashes(other)).toHaveLength(before[servers.indexOf(other)]!);
    }
  }, 90_000);

  it("apply_time on_reset stages the BIOS and waits for the operator's restart, then confirms", async () => {
    const server = byVendor("hpe-ilo5");
    const request = await firmwareUpdate(server, "bios", "U46 v3.10 (02/02/2026)", { apply_time: "on_reset" });
    const waiting = async () => (await api.db.select().from(requestSteps).where(eq(requestSteps.name, "wait_for_reset"))).some((step) => step.status === "waiting_for_reset");
    await until(waiting);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bmcOf(server).firmware.bios).not.toBe("U46 v3.10 (02/02/2026)");
    expect(await waiting()).toBe(true);
    await withBmc(clientOptionsFor(fleet, bmcOf(server)), (client) => restartHost(client, bmcOf(server).paths.system, "forced"));
    expect((await waitForRequest(api.db, request.id, 30_000)).status).toBe("succeeded");
    expect(bmcOf(server).firmware.bios).toBe("U46 v3.10 (02/02/2026)");
  }, 60_000);

  it("force flags: force_reinstall re-sends an installed version; Dell applies it only with force_updates", async () => {
    const server = byVendor("dell");
    const current = bmcOf(server).firmware.bmc!;
    const count = flashes(server).length;
    expect((await waitForRequest(api.db, (await firmwareUpdate(server, "bmc", current)).id, 30_000)).status).toBe("succeeded");
    expect(flashes(server).slice(count).map((entry) => entry.outcome)).toEqual(["already_present"]);
    expect((await waitForRequest(api.db, (await firmwareUpdate(server, "bmc", current, { force_updates: true })).id, 30_000)).status).toBe("succeeded");
    expect(flashes(server).slice(count + 1).map((entry) => [entry.outcome, entry.force])).toEqual([["applied", true]]);
  }, 60_000);

  it("stop_after_failures: after the first failure no new server starts and the request ends failed", async () => {
    const servers = [byVendor("supermicro"), byVendor("lenovo"), byVendor("hpe-ilo4")];
    const baselineId = await createBaseline(api.db, "stop", servers, (server) => ({ bmc: `${TARGET[server.vendor]!.bmc}.2` }));
    bmcOf(servers[0]!).setFaults({ failTasks: "Image verification failed (injected)." });
    try {
      const request = await createRemediationRequest(api.db, "firmware_baseline_update", { baseline: baselineId, servers: servers.map((server) => server.id), max_parallel: 1, stop_after_failures: 1 }, servers.map((server) => server.id));
      expect((await waitForRequest(api.db, request.id, 30_000)).status).toBe("failed");
      const parts = await readServerSteps(api.db, request.id, servers.map((server) => server.id));
      expect(parts.get(servers[0]!.id)).toMatchObject({ status: "failed", message: expect.stringContaining("Image verification failed (injected).") });
      for (const other of servers.slice(1)) expect(parts.get(other.id)).toMatchObject({ status: "cancelled", message: expect.stringContaining("stop_after_failures 1"), steps: expect.any(Array) });
    } finally {
      bmcOf(servers[0]!).setFaults({ failTasks: undefined });
    }
  }, 60_000);

  it("a server protected after the request was created is not started; the others go on", async () => {
    const [first, guarded] = [byVendor("lenovo"), byVendor("hpe-ilo5")];
    const baselineId = await createBaseline(api.db, "protected-later", [first, guarded], (server) => ({ bmc: `${TARGET[server.vendor]!.bmc}.3` }));
    const before = flashes(guarded).length;
    const request = await createRemediationRequest(api.db, "firmware_baseline_update", { baseline: baselineId, servers: [first.id, guarded.id], max_parallel: 1 }, [first.id, guarded.id]);
    await api.db.update(serverTable).set({ protected: true }).where(eq(serverTable.id, guarded.id));
    try {
      expect((await waitForRequest(api.db, request.id, 60_000)).status).toBe("succeeded");
      const parts = await readServerSteps(api.db, request.id, [first.id, guarded.id]);
      expect(parts.get(first.id)).toMatchObject({ status: "succeeded" });
      expect(parts.get(guarded.id)).toMatchObject({ status: "cancelled", message: expect.stringContaining("marked protected after the request was created") });
      expect(flashes(guarded)).toHaveLength(before);
    } finally {
      await api.db.update(serverTable).set({ protected: false }).where(eq(serverTable.id, guarded.id));
    }
  }, 60_000);
});
