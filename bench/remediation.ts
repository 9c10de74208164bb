// Remediation at fleet scale: a firmware_baseline_update of 1,000 simulated servers x 3 components (BMC,
// BIOS, storage controller), flash 2 s, host restart 3 s (three 1 s power phases), BMC back 3 s after its
// own flash, max_parallel 200, run by one `npm run worker` process. Prints the request's wall time next
// to the ideal, the engine's overhead per step, the worker's RSS and CPU time, and PostgreSQL's and the fleet's CPU (per server and per job).
// Run: npx tsx bench/remediation.ts (env SERVERS, MAX_PARALLEL, WORKER_CONCURRENCY and WORKER_LOCAL_QUEUE (unset: the product defaults), WORKER_NODE_ARGS,
// BMC_LATENCY_MS: every BMC answers that much later once registered, as real BMCs take 0.1-2 s a request; the ideal
// leaves request latency out, so the ratio then counts it as the engine's).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { workerSettings } from "~/server/config";
import { spawnFleet } from "~/simulator";
import type { VendorKey } from "~/simulator/types";
import { startBenchDatabase } from "./lib/database";
import { treeCpuSeconds } from "./lib/process-stats";

const SERVERS = Number(process.env.SERVERS ?? 1000);
const MAX_PARALLEL = Number(process.env.MAX_PARALLEL ?? 200);
const TIMINGS = { taskMs: 2000, powerMs: 1000, bmcRestartMs: 3000 };
const POLL_S = 0.5;
const BMC_LATENCY_MS = Number(process.env.BMC_LATENCY_MS ?? 0);
const TARGET: Record<string, Record<string, string>> = {
  dell: { bmc: "7.99.00.00", bios: "1.19.9", storage_controller: "52.99.9-9999" },
  lenovo: { bmc: "TGBT99Z-9.99", bios: "U8E199Z-9.99", storage_controller: "52.99.9-9999" },
  supermicro: { bmc: "01.09.99", bios: "2.9", lsi_3108: "4.99.99-9999" },
};

const database = await startBenchDatabase("remediation");
const { dir, url } = database;
const settings = {
  RACKPILOT_DATA_DIR: path.join(dir, "data"),
  // Unset: the product's defaults.
  ...(process.env.WORKER_CONCURRENCY && { RACKPILOT_WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY }),
  ...(process.env.WORKER_LOCAL_QUEUE && { RACKPILOT_WORKER_LOCAL_QUEUE: process.env.WORKER_LOCAL_QUEUE }),
  RACKPILOT_COMPLIANCE_NIGHTLY_HOUR: "off",
  RACKPILOT_UPDATE_TIMEOUTS: JSON.stringify({ "*": { poll: POLL_S } }),
};
Object.assign(process.env, settings);

// Imported once DATABASE_URL is set: they open the application's own connection pool.
const { getDb } = await import("~/db/client");
const { serveRestRequest } = await import("~/server/api/rest/direct");
const { acceptIncomingHeaders } = await import("~/server/api/context");
const { createTestUser } = await import("~/server/testing/factories");
const { registerBmcs } = await import("~/server/services/remediation/testing/fleet");
const { createBaseline, createPool, createRemediationRequest, waitForRequest } = await import("~/server/services/remediation/testing/fixtures");
const { evaluateCompliance } = await import("~/server/services/compliance");
const db = getDb();

// The API (firmware files for the BMCs to pull, registration) on loopback, served as `npm start` serves /api/ (scripts/serve.ts).
const server = http.createServer((req, res) => {
  acceptIncomingHeaders(req.headers, req.socket.remoteAddress);
  serveRestRequest(req, res).catch(() => res.destroy());
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
process.env.RACKPILOT_PUBLIC_URL = baseUrl;
const api = {
  baseUrl,
  db,
  close: async () => undefined,
  request: async (method: string, route: string, options: { token?: string; json?: unknown } = {}) => {
    const response = await fetch(`${baseUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${options.token}`, ...(options.json === undefined ? {} : { "content-type": "application/json" }) },
      body: options.json === undefined ? undefined : JSON.stringify(options.json),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : undefined };
  },
};

const third = Math.ceil(SERVERS / 3);
const fleet = await spawnFleet({
  base: "127.62.0.1",
  seed: 62,
  certificateDir: path.join(dir, "tls"),
  timings: TIMINGS,
  bmcs: [
    { count: third, vendor: "dell" },
    { count: third, vendor: "lenovo" },
    { count: SERVERS - 2 * third, vendor: "supermicro" },
  ],
});
const bmcs = (await fleet.control.bmcs()).map((bmc) => ({ address: bmc.address, port: bmc.port, vendor: bmc.vendor as VendorKey }));
const staff = (await createTestUser(db, { isStaff: true })).token;
const registeredAt = Date.now();
const registered = await registerBmcs(api, staff, bmcs, readFileSync(path.join(dir, "tls", "bmc-cert.pem"), "utf8"), 32);
const registrationS = (Date.now() - registeredAt) / 1000;
if (BMC_LATENCY_MS > 0) for (const bmc of bmcs) await fleet.control.setFaults(bmc.address, { latencyMs: BMC_LATENCY_MS });
console.log(`setup:    ${SERVERS} BMCs (Dell, Lenovo, Supermicro thirds) in one child process, registered through the API in ${registrationS.toFixed(0)} s${BMC_LATENCY_MS > 0 ? `; then each answers ${BMC_LATENCY_MS} ms late` : ""}`);
const baselineId = await createBaseline(db, "bench", registered, (bmc) => TARGET[bmc.vendor]!);
const serverIds = registered.map((bmc) => bmc.id);
const poolId = await createPool(db, "bench", serverIds);

// WORKER_NODE_ARGS: extra node flags for the worker (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
const workerArgs = (process.env.WORKER_NODE_ARGS ?? "").split(" ").filter(Boolean);
const worker = spawn(process.execPath, [...workerArgs, "--import", "tsx", "workers/index.ts"], { env: { ...process.env }, stdio: ["ignore", "pipe", "inherit"] });
const workerExited = new Promise((resolve) => worker.once("exit", resolve));
await new Promise<void>((resolve) => worker.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("worker running") && resolve()));
const proc = (pid: number) => readFileSync(`/proc/${pid}/status`, "utf8");
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(proc(pid))![1]) * 1024;
const cpuOf = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
// PostgreSQL: the postmaster and its backends (live ones, and what the postmaster reaped of those that ended).
const postmaster = Number(readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
const workerCpu0 = cpuOf(worker.pid!);
const databaseCpu0 = treeCpuSeconds(postmaster);
const fleetCpu0 = cpuOf(fleet.child.pid!);
let peakRss = rssOf(worker.pid!);
const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(worker.pid!))), 500);

// The queue, every 500 ms: server jobs due (run_at passed) but not yet taken by the worker, how long the oldest
// of them has been due, and jobs locked by the worker (running, or fetched into its local queue for the next free
// slot). A wait step overshoots its BMC's time by about this lag.
const probe = postgres(url, { max: 1, onnotice: () => {} });
const queueSamples: { due: number; oldest: number; running: number }[] = [];
const queueSampler = setInterval(async () => {
  const [row] = await probe<{ due: number; oldest: number; running: number }[]>`
    select count(*) filter (where locked_at is null and run_at <= now())::int as due,
           coalesce(extract(epoch from now() - min(run_at) filter (where locked_at is null and run_at <= now())), 0)::float as oldest,
           count(*) filter (where locked_at is not null)::int as running
    from graphile_worker._private_jobs`;
  queueSamples.push(row!);
}, 500);

const started = Date.now();
const request = await createRemediationRequest(db, "firmware_baseline_update", { baseline: baselineId, pool: poolId, max_parallel: MAX_PARALLEL }, serverIds);
const ended = await waitForRequest(db, request.id, 3600_000);
const wallS = (Date.now() - started) / 1000;
clearInterval(sampler);
clearInterval(queueSampler);
const workerCpu = cpuOf(worker.pid!) - workerCpu0;
const fleetCpu = cpuOf(fleet.child.pid!) - fleetCpu0;
const databaseCpu = treeCpuSeconds(postmaster) - databaseCpu0;

const sql = postgres(url, { max: 1, onnotice: () => {} });
// A server's generation counts its jobs and then its end, which moves it on once more: jobs run = generation - 1.
const [counts] = await sql<{ steps: number; servers: number; jobs: number; chain_p50: number; chain_p95: number; failed: number }[]>`
  select (select count(*)::int from request_steps st join request_servers rs on rs.id = st.request_server_id where rs.request_id = ${request.id} and st.status <> 'skipped') as steps,
         count(*)::int as servers, sum(greatest(generation - 1, 0))::int as jobs,
         count(*) filter (where status <> 'succeeded')::int as failed,
         percentile_cont(0.5) within group (order by extract(epoch from finished_at - started_at)) as chain_p50,
         percentile_cont(0.95) within group (order by extract(epoch from finished_at - started_at)) as chain_p95
  from request_servers where request_id = ${request.id}`;
const phases = await sql<{ name: string; component: string | null; mean: number; runs: number }[]>`
  select st.name, st.component, avg(extract(epoch from st.finished_at - st.started_at))::float as mean, count(*)::int as runs
  from request_steps st join request_servers rs on rs.id = st.request_server_id
  where rs.request_id = ${request.id} and st.status = 'succeeded' group by st.name, st.component order by min(st.position)`;
const report = await evaluateCompliance({ ctx: { actor: { kind: "system" }, db }, input: { baselineId, scope: { kind: "pool", poolId } } });

// One server's serial chain: three flashes, the BMC back after its own flash, one host restart (its three
// power phases), and the reads that confirm: three in a row for the BMC (two poll intervals), one for the others.
const chainS = (3 * TIMINGS.taskMs + TIMINGS.bmcRestartMs + 3 * TIMINGS.powerMs) / 1000 + 2 * POLL_S;
const waves = Math.ceil(SERVERS / MAX_PARALLEL);
const idealS = chainS * waves;
const stepsPerServer = counts!.steps / counts!.servers;
console.log(`request:  ${ended.status}; ${counts!.servers - counts!.failed}/${counts!.servers} servers succeeded; compliance afterwards: ${report.summary.compliant}/${report.summary.total_servers} compliant`);
console.log(`wall:     ${wallS.toFixed(1)} s from creating the request to its end (status polled every 200 ms)`);
console.log(`ideal:    ${idealS.toFixed(1)} s = ${waves} waves x ${chainS.toFixed(1)} s (3 flashes x ${TIMINGS.taskMs / 1000} s + BMC back ${TIMINGS.bmcRestartMs / 1000} s + restart 3 x ${TIMINGS.powerMs / 1000} s + 2 polls of ${POLL_S} s for three BMC reads)`);
console.log(`ratio:    ${(wallS / idealS).toFixed(2)}x the ideal (target 1.25x)`);
console.log(`chain:    per server, started to finished: p50 ${counts!.chain_p50.toFixed(1)} s, p95 ${counts!.chain_p95.toFixed(1)} s (ideal ${chainS.toFixed(1)} s)`);
console.log(`overhead: ${(((counts!.chain_p50 - chainS) / stepsPerServer) * 1000).toFixed(0)} ms per step at the median server ((p50 chain - ideal chain) / ${stepsPerServer.toFixed(1)} steps run per server, incl. the final inventory re-read); ${counts!.jobs} jobs run (${(counts!.jobs / counts!.servers).toFixed(1)} per server)`);
console.log(`steps:    mean duration started->finished: ${phases.map((phase) => `${phase.component ? `${phase.component}:` : ""}${phase.name} ${phase.mean.toFixed(2)} s`).join(", ")}`);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
console.log(
  `queue:    sampled every 500 ms: ${mean(queueSamples.map((sample) => sample.running)).toFixed(1)} jobs locked by the worker on average (concurrency ${workerSettings.concurrency}, local queue ${workerSettings.localQueueSize}), ${mean(queueSamples.map((sample) => sample.due)).toFixed(1)} due and not yet fetched, the oldest of them due for ${mean(queueSamples.map((sample) => sample.oldest)).toFixed(2)} s on average`,
);
console.log(`worker:   peak RSS ${mib(peakRss)} (VmRSS sampled every 500 ms), CPU ${workerCpu.toFixed(1)} s user+sys over the run, concurrency ${workerSettings.concurrency}`);
console.log(`database: PostgreSQL CPU ${databaseCpu.toFixed(1)} s user+sys (postmaster and backends); per server: worker ${((workerCpu / SERVERS) * 1000).toFixed(0)} ms, PostgreSQL ${((databaseCpu / SERVERS) * 1000).toFixed(0)} ms, fleet ${((fleetCpu / SERVERS) * 1000).toFixed(0)} ms; per job: worker ${((workerCpu / counts!.jobs) * 1000).toFixed(1)} ms, PostgreSQL ${((databaseCpu / counts!.jobs) * 1000).toFixed(1)} ms`);
console.log(`fleet:    CPU ${fleetCpu.toFixed(1)} s user+sys; machine: ${os.cpus().length} cores, load average ${os.loadavg().map((load) => load.toFixed(1)).join(" ")} (shared with other work)`);

worker.kill("SIGTERM");
await workerExited;
await Promise.all([fleet.stop(), sql.end(), probe.end(), new Promise((resolve) => server.close(resolve))]);
const { closeDb } = await import("~/db/client");
await closeDb();
await database.stop();
