// The fixed cost of one API request: GET /api/pool/?search=prod&ordering=name&page=1&page_size=2 over 7
// pools, one new connection per request, sequentially, as an admin with a Bearer token. Rackpilot's
// production server (`npm start`, its embedded PostgreSQL) next to the same resource on Django REST
// Framework + SimpleJWT + django-filter (bench/drf-pools/, Django's development server, SQLite), the
// two measured in alternating blocks in one run.
// Needs Debian's python3-django, python3-djangorestframework, python3-djangorestframework-simplejwt
// and python3-django-filters. Usage: npx tsx bench/api-fixed-cost.ts [--requests 2000]
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { percentile, startRackpilot, stop, timedGet, waitUntilServing } from "./lib/servers";

const REQUESTS = Number(process.argv[process.argv.indexOf("--requests") + 1]) || 2000;
const BLOCK = 100;
const POOLS = ["prod-web", "prod-db", "prod-batch", "staging", "lab", "dev", "dr-site"];
const PASSWORD = "bench-password";
const QUERY = "/api/pool/?search=prod&ordering=name&page=1&page_size=2";
const OURS = 3952;
const DRF = 3953;

const dataDir = mkdtempSync(path.join(os.tmpdir(), "rackpilot-bench-"));
chmodSync(dataDir, 0o755); // as root, Postgres runs as the `postgres` user, which must reach its data dir
const drfDir = path.resolve("bench/drf-pools");
const drfEnv = { ...process.env, DRF_BENCH_DB: path.join(dataDir, "drf.sqlite3"), DRF_BENCH_PASSWORD: PASSWORD, DRF_BENCH_POOLS: POOLS.join(",") };
const python = (...args: string[]) => spawnSync("/usr/bin/python3", ["-B", "manage.py", ...args], { cwd: drfDir, env: drfEnv, stdio: "inherit" });

const ours = startRackpilot(OURS, { RACKPILOT_DATA_DIR: dataDir, RACKPILOT_ADMIN_PASSWORD: PASSWORD });
if (python("migrate", "--run-syncdb", "-v", "0").status !== 0 || python("shell", "-c", "import poolsapp.seed").status !== 0) throw new Error("Django setup failed");
const drf = spawn("/usr/bin/python3", ["-B", "manage.py", "runserver", `127.0.0.1:${DRF}`, "--noreload"], { cwd: drfDir, env: drfEnv, stdio: "ignore" });

async function tokenFor(base: string): Promise<string> {
  const response = await fetch(`${base}/api/token/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "admin", password: PASSWORD }) });
  return ((await response.json()) as { access: string }).access;
}

try {
  const targets = await Promise.all(
    [
      { name: "Rackpilot (npm start, PostgreSQL)", port: OURS, child: ours, ready: "/login" },
      { name: "DRF 3.14 (runserver, SQLite)", port: DRF, child: drf, ready: "/api/token/" },
    ].map(async (target) => {
      const base = `http://127.0.0.1:${target.port}`;
      await waitUntilServing(`${base}${target.ready}`, target.child);
      return { ...target, base, timings: [] as number[] };
    }),
  );
  const rackpilot = targets[0]!;
  const token = await tokenFor(rackpilot.base);
  for (const name of POOLS) {
    await fetch(`${rackpilot.base}/api/pool/`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ name, description: `${name} servers` }) });
  }
  const headers = await Promise.all(targets.map(async (target) => ({ authorization: `Bearer ${await tokenFor(target.base)}` })));
  for (const [i, target] of targets.entries()) {
    const first = await timedGet(`${target.base}${QUERY}`, headers[i]!);
    const body = JSON.parse(first.body) as { count: number; results: Array<{ name: string }> };
    if (first.status !== 200 || body.count !== 3 || body.results.map((pool) => pool.name).join() !== "prod-batch,prod-db") throw new Error(`${target.name}: unexpected ${first.status} ${first.body}`);
    for (let n = 0; n < 200; n++) await timedGet(`${target.base}${QUERY}`, headers[i]!); // warm-up
  }
  for (let done = 0; done < REQUESTS; done += BLOCK) {
    for (const [i, target] of targets.entries()) {
      for (let n = 0; n < BLOCK; n++) target.timings.push((await timedGet(`${target.base}${QUERY}`, headers[i]!)).ms);
    }
  }
  console.log(`GET ${QUERY} (7 pools, 3 match), ${REQUESTS} requests each, a new connection per request, sequential, alternating blocks of ${BLOCK}:`);
  for (const target of targets) {
    const sorted = target.timings.sort((a, b) => a - b);
    console.log(`  ${target.name.padEnd(36)} median ${percentile(sorted, 50).toFixed(2)} ms   p90 ${percentile(sorted, 90).toFixed(2)} ms   p99 ${percentile(sorted, 99).toFixed(2)} ms`);
  }
  console.log(`measured: wall time per request with node:http from 127.0.0.1 on ${os.cpus().length} cores (shared with other work: compare the two, not absolute values)`);
} finally {
  await Promise.all([stop(ours), stop(drf)]);
  rmSync(dataDir, { recursive: true, force: true });
}
