// The fixed cost of one API request: GET /api/pool/?search=prod&ordering=name&page=1&page_size=2 over 7
// pools, one new connection per request, sequentially, as an admin with a Bearer token. Rackpilot's
// production server (`npm start`, its embedded PostgreSQL) next to the same resource on Django REST
// Framework + SimpleJWT + django-filter (bench/drf-pools/, Django's development server, SQLite), all
// measured in alternating blocks in one run. `--before <dir>` adds another Rackpilot checkout (say,
// `git archive main` unpacked with this node_modules linked in) as a third contender.
// Needs Debian's python3-django, python3-djangorestframework, python3-djangorestframework-simplejwt
// and python3-django-filters. Usage: npx tsx bench/api-fixed-cost.ts [--requests 2000] [--before <dir>]
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { option } from "./lib/options";
import { percentile, startRackpilot, stop, timedGet, waitUntilServing } from "./lib/servers";

const REQUESTS = Number(option("--requests")) || 2000;
const BEFORE = option("--before");
const BLOCK = 100;
const POOLS = ["prod-web", "prod-db", "prod-batch", "staging", "lab", "dev", "dr-site"];
const PASSWORD = "bench-password";
const QUERY = "/api/pool/?search=prod&ordering=name&page=1&page_size=2";

const scratch = mkdtempSync(path.join(os.tmpdir(), "rackpilot-bench-"));
chmodSync(scratch, 0o755); // as root, Postgres runs as the `postgres` user, which must reach its data dir
const drfDir = path.resolve("bench/drf-pools");
const drfEnv = { ...process.env, DRF_BENCH_DB: path.join(scratch, "drf.sqlite3"), DRF_BENCH_PASSWORD: PASSWORD, DRF_BENCH_POOLS: POOLS.join(",") };
const manage = (...args: string[]) => spawnSync("/usr/bin/python3", ["-B", "manage.py", ...args], { cwd: drfDir, env: drfEnv, stdio: "inherit" });

type Target = { name: string; port: number; child: ChildProcess; ready: string; seed: boolean; timings: number[] };
const rackpilot = (name: string, port: number, checkout?: string): Target => {
  const dataDir = path.join(scratch, `data-${port}`);
  const child = startRackpilot(port, { RACKPILOT_DATA_DIR: dataDir, RACKPILOT_ADMIN_PASSWORD: PASSWORD }, checkout);
  return { name, port, child, ready: "/login", seed: true, timings: [] };
};
const targets: Target[] = [rackpilot("Rackpilot (npm start, PostgreSQL)", 3952)];
if (BEFORE) targets.push(rackpilot(`Rackpilot before (${path.basename(BEFORE)})`, 3954, path.resolve(BEFORE)));
if (manage("migrate", "--run-syncdb", "-v", "0").status !== 0 || manage("shell", "-c", "import poolsapp.seed").status !== 0) throw new Error("Django setup failed");
const drf = spawn("/usr/bin/python3", ["-B", "manage.py", "runserver", "127.0.0.1:3953", "--noreload"], { cwd: drfDir, env: drfEnv, stdio: "ignore" });
targets.push({ name: "DRF 3.14 (runserver, SQLite)", port: 3953, child: drf, ready: "/api/token/", seed: false, timings: [] });

const base = (target: Target) => `http://127.0.0.1:${target.port}`;
async function tokenFor(target: Target): Promise<string> {
  const response = await fetch(`${base(target)}/api/token/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "admin", password: PASSWORD }) });
  return ((await response.json()) as { access: string }).access;
}

try {
  const headers: Array<Record<string, string>> = [];
  for (const target of targets) {
    await waitUntilServing(`${base(target)}${target.ready}`, target.child);
    const authorization = `Bearer ${await tokenFor(target)}`;
    headers.push({ authorization });
    if (target.seed) {
      for (const name of POOLS) {
        const body = JSON.stringify({ name, description: `${name} servers` });
        await fetch(`${base(target)}/api/pool/`, { method: "POST", headers: { "content-type": "application/json", authorization }, body });
      }
    }
    const first = await timedGet(`${base(target)}${QUERY}`, { authorization });
    const page = JSON.parse(first.body) as { count: number; results: Array<{ name: string }> };
    if (first.status !== 200 || page.count !== 3 || page.results.map((pool) => pool.name).join() !== "prod-batch,prod-db") throw new Error(`${target.name}: ${first.status} ${first.body}`);
    for (let n = 0; n < 200; n++) await timedGet(`${base(target)}${QUERY}`, { authorization }); // warm-up
  }
  for (let done = 0; done < REQUESTS; done += BLOCK) {
    for (const [i, target] of targets.entries()) {
      for (let n = 0; n < BLOCK; n++) target.timings.push((await timedGet(`${base(target)}${QUERY}`, headers[i]!)).ms);
    }
  }
  console.log(`GET ${QUERY} (7 pools, 3 match), ${REQUESTS} requests each, a new connection per request, sequential, alternating blocks of ${BLOCK}:`);
  for (const target of targets) {
    const sorted = target.timings.sort((a, b) => a - b);
    console.log(`  ${target.name.padEnd(40)} median ${percentile(sorted, 50).toFixed(2)} ms   p90 ${percentile(sorted, 90).toFixed(2)} ms   p99 ${percentile(sorted, 99).toFixed(2)} ms`);
  }
  console.log(`measured: wall time per request with node:http from 127.0.0.1, ${os.cpus().length} cores shared with other work (compare within the run)`);
} finally {
  await Promise.all(targets.map((target) => stop(target.child)));
  rmSync(scratch, { recursive: true, force: true });
}
