// Bulk registration: 1,000 simulated BMCs scanned into nodes, then registered with one
// POST /api/node/register/ against the product running as `npm start` (web) plus `npm run worker`.
// Run: npx tsx bench/register-bulk.ts   (needs a production build: `npm run build`, or npm start builds it)
// BENCH_CPU_PROFILE_DIR=<dir> writes the worker's V8 CPU profile there (Chrome DevTools opens it).
import { fork, spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { ask } from "./fleet-process";
import { treeCpuSeconds, sampleRss } from "./lib/process-stats";
import { startRackpilot, stop, waitUntilServing } from "./lib/servers";

const BMCS = 1000;
// Apart from the other benchmarks' fleets (127.60.0.0/16 on 9443 and 9444), which may run at the same time.
const FLEET = { base: "127.63.0.1", port: 9445, range: { ip_from: "127.63.0.0", ip_to: "127.63.3.255" } };
const WEB_PORT = 3961;
const ADMIN = { username: "admin", password: "bench-admin-password" };
const TARGET_S = 60;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(" / ");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const dataDir = await mkdtemp(path.join(os.tmpdir(), "rackpilot-bench-register-"));
// As root the embedded cluster runs as the postgres user, which must reach it.
await chmod(dataDir, 0o755);
const productEnv = {
  RACKPILOT_DATA_DIR: dataDir,
  RACKPILOT_ADMIN_USER: ADMIN.username,
  RACKPILOT_ADMIN_PASSWORD: ADMIN.password,
  RACKPILOT_WORKER: "external",
};
const children: ChildProcess[] = [];

async function api<T>(method: string, route: string, token: string | null, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`http://127.0.0.1:${WEB_PORT}/api/${route}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 400) throw new Error(`${method} /api/${route} -> ${response.status}: ${text}`);
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, everyMs: number): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await sleep(everyMs);
  }
}

try {
  const fleetStarted = performance.now();
  const fleet = fork(fileURLToPath(new URL("./simulator-fleet.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, SIM_COUNT: String(BMCS), SIM_PORT: String(FLEET.port), SIM_BASE: FLEET.base },
  });
  children.push(fleet);
  const { bmcs } = await ask<{ bmcs: Array<{ username: string; password: string }> }>(fleet, "", "ready");
  console.log(
    `fleet:    ${bmcs.length} simulated BMCs (mixed vendors, HTTPS) on ${FLEET.base}.. port ${FLEET.port}, in a child process (${seconds(performance.now() - fleetStarted)} to start)`,
  );

  const web = startRackpilot(WEB_PORT, productEnv);
  children.push(web);
  await waitUntilServing(`http://127.0.0.1:${WEB_PORT}/login`, web);
  // The worker shares the embedded PostgreSQL the web process started in the data dir.
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const profiling = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const worker = spawn(process.execPath, [...profiling, "--import", "tsx", "workers/index.ts"], {
    env: { ...process.env, ...productEnv },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(worker);
  const clusterDir = path.join(dataDir, "pg");
  const postmaster = Number((await readFile(path.join(clusterDir, "postmaster.pid"), "utf8")).split("\n")[0]);
  const databaseUrl = JSON.parse(await readFile(path.join(clusterDir, "rackpilot-owner.json"), "utf8").catch(() => "{}")).url as string | undefined;

  const token = (await api<{ access: string }>("POST", "token/", null, ADMIN)).body.access;
  const profile = (await api<{ id: number }>("POST", "node_discovery/auth_profile/", token, { node_classification: "bench rack" })).body;
  for (const credential of new Set(bmcs.map((bmc) => JSON.stringify({ username: bmc.username, password: bmc.password })))) {
    await api("POST", `node_discovery/auth_profile/${profile.id}/credentials/`, token, JSON.parse(credential));
  }
  const range = (await api<{ id: number }>("POST", "node_discovery/scan_range/", token, { name: "bench rack", ...FLEET.range, ports: [FLEET.port] })).body;
  const scanStarted = performance.now();
  await api("POST", "node_discovery/run_scan/", token, { scan_ranges: [range.id] });
  const scanned = await pollUntil(
    () => api<{ status: string; last_scan_found: number }>("GET", `node_discovery/scan_range/${range.id}/`, token).then((r) => r.body),
    (r) => r.status !== "scanning",
    250,
  );
  console.log(
    `scan:     ${FLEET.range.ip_from}-${FLEET.range.ip_to} (1,024 addresses) -> ${scanned.status}, ${scanned.last_scan_found} nodes in ${seconds(performance.now() - scanStarted)}`,
  );

  type Batch = {
    id: number;
    status: string;
    nodes_total: number;
    nodes_done: number;
    nodes_failed: number;
    results: Array<{ status: string; message: string }>;
  };
  // The embedded PostgreSQL runs under the web process: counted apart.
  const cpu = () => ({
    web: treeCpuSeconds(web.pid!, [postmaster]),
    worker: treeCpuSeconds(worker.pid!),
    database: treeCpuSeconds(postmaster),
    fleet: treeCpuSeconds(fleet.pid!),
  });
  const cpuBefore = cpu();
  const loadBefore = load();
  let loadPeak = os.loadavg()[0]!;
  const loadTimer = setInterval(() => (loadPeak = Math.max(loadPeak, os.loadavg()[0]!)), 1000);
  const rss = sampleRss({ web: web.pid!, worker: worker.pid! }, { excluded: [postmaster] });
  const started = performance.now();
  const accepted = await api<Batch>("POST", "node/register/", token, { scan_range: range.id, auth_profile: profile.id });
  const batch = await pollUntil(
    () => api<Batch>("GET", `node/register/${accepted.body.id}/`, token).then((r) => r.body),
    (b) => b.status !== "pending" && b.status !== "running",
    500,
  );
  const wallMs = performance.now() - started;
  const memory = rss.stop();
  clearInterval(loadTimer);
  const cpuAfter = cpu();
  const spent = (key: keyof typeof cpuBefore) => (cpuAfter[key] - cpuBefore[key]).toFixed(1);

  const registered = batch.results.filter((result) => result.status === "succeeded").length;
  const reasons = new Map<string, number>();
  for (const result of batch.results.filter((r) => r.status === "failed")) reasons.set(result.message, (reasons.get(result.message) ?? 0) + 1);
  console.log(`register: POST /api/node/register/ {scan_range, auth_profile} -> ${accepted.status}; ${batch.nodes_total} nodes -> ${batch.status}`);
  console.log(
    `          wall time ${seconds(wallMs)} (target < ${TARGET_S} s${wallMs > TARGET_S * 1000 ? ": MISSED" : ": met"}); ${registered} registered, ${batch.nodes_failed} failed`,
  );
  for (const [message, count] of [...reasons].slice(0, 5)) console.log(`          ${count} x ${message}`);
  console.log(
    `          peak RSS: web ${mib(memory.peaks.web!)}, worker ${mib(memory.peaks.worker!)}, together ${mib(memory.peakTotal)} (${memory.samples} samples, every 200 ms)`,
  );
  console.log(`          CPU: web ${spent("web")} s, worker ${spent("worker")} s, PostgreSQL ${spent("database")} s, simulated BMCs ${spent("fleet")} s`);
  console.log(`          load average (1/5/15 min) before ${loadBefore}, after ${load()}, 1-min peak ${loadPeak.toFixed(1)}; ${os.cpus().length} CPUs`);

  if (databaseUrl) {
    // Where the time went: when the batch's nodes ended, from the batch's own rows.
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    const quantiles = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];
    const [ended] = await sql`
      select percentile_disc(${quantiles}::float8[]) within group (order by extract(epoch from n.updated_at - b.created_at)::float8) as seconds
      from registration_batch_nodes n join registration_batches b on b.id = n.batch_id where b.id = ${batch.id}`;
    const at = (ended!.seconds as number[]).map((s, i) => `${quantiles[i]! * 100}% ${Number(s).toFixed(1)} s`).join(", ");
    console.log(`          nodes ended, counted from the batch's creation: ${at}`);
    await sql.end();
  }
  console.log("how: the product as it is deployed, `npm start` (RACKPILOT_WORKER=external) and `npm run worker` on its embedded");
  console.log("     PostgreSQL, default settings; the fleet in a child process. The scan makes the nodes; the figure is the wall");
  console.log("     time from the POST to the batch's end as GET /api/node/register/{id}/ reports it (polled every 500 ms; the");
  console.log("     console polls each second). RSS is each process tree's VmRSS (PostgreSQL's processes left out), sampled;");
  console.log("     CPU is user + system time from /proc over the registration only.");
} finally {
  for (const child of children.reverse()) {
    if (child.connected) child.send("stop");
    await stop(child);
  }
  await rm(dataDir, { recursive: true, force: true });
}
