// The server list at fleet scale: 10,000 servers in 100 pools (one big pool of 500, the rest about 96
// each, 10 groups of 10 pools), GET /api/server/?search=PowerEdge&resource_pool=N&ordering=name&page=3&page_size=50
// as a non-staff user of pool N's group, at 20 concurrent keep-alive clients with wrk, through the
// production server (`npm start` against the same PostgreSQL). Next to it, the same SQL statements the
// request runs (actor lookup, pool check, the list query), captured from the service layer and run
// directly with the postgres driver at the same concurrency, and a bare node:http server running them
// (bench/lib/bare-list-server.ts): the floor any Node server meets on this machine.
// Needs Debian's wrk. Usage: npx tsx bench/server-list.ts [--seconds 15] [--query search=srv-00001&page=1&page_size=1]
// (--query replaces any of search, page, page_size and ordering, e.g. to see the API's cost with a near-free page).
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { bootstrapDatabase } from "~/db/bootstrap";
import * as schema from "~/db/schema";
import { issueToken } from "~/server/auth/tokens";
import { authenticateBearer } from "~/server/services/auth/actor";
import type { UserActor } from "~/server/services/context";
import { listServers } from "~/server/services/servers";
import { option } from "./lib/options";
import { percentile, startRackpilot, stop, waitUntilServing } from "./lib/servers";
import { seedFleet } from "./lib/fleet";

/** CPU time (user + system) a process and its threads have used, from /proc. */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

/** CPU time of the embedded PostgreSQL: its postmaster and every process it started (backends included). */
function clusterCpuMs(clusterDir: string): number {
  const postmaster = Number(readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0]);
  let total = processCpuMs(postmaster);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ");
      if (Number(fields[1]) === postmaster) total += processCpuMs(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

const SECONDS = Number(option("--seconds")) || 15;
const QUERY = Object.fromEntries(new URLSearchParams(option("--query")));
const CLIENTS = 20;
const PORT = 3955;
const BARE_PORT = 3956;

/** wrk at CLIENTS keep-alive connections: its latency percentiles (ms), requests served and rate. */
function runWrk(target: string, token: string, seconds = SECONDS) {
  const wrk = spawnSync("wrk", ["-t", "2", "-c", String(CLIENTS), "-d", `${seconds}s`, "--latency", "-H", `Authorization: Bearer ${token}`, target], { encoding: "utf8" });
  const latency = (label: string) => {
    const match = new RegExp(`^\\s*${label}\\s+([\\d.]+)(us|ms|s)\\s*$`, "m").exec(wrk.stdout);
    if (!match) throw new Error(`wrk output without ${label}:\n${wrk.stdout}${wrk.stderr}`);
    return Number(match[1]) * { us: 0.001, ms: 1, s: 1000 }[match[2] as "us" | "ms" | "s"];
  };
  return { latency, requests: /Requests\/sec:\s+([\d.]+)/.exec(wrk.stdout)?.[1], served: Number(/(\d+) requests in/.exec(wrk.stdout)?.[1]) };
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "rackpilot-bench-"));
chmodSync(scratch, 0o755); // as root, Postgres runs as the `postgres` user, which must reach its data dir
process.env.RACKPILOT_SECRET = "bench-only-secret-0123456789abcdef";
const database = await bootstrapDatabase({ dataDir: path.join(scratch, "data"), log: () => {} });
const client = postgres(database.url, { max: CLIENTS, onnotice: () => {} });
const server = startRackpilot(PORT, { DATABASE_URL: database.url, RACKPILOT_SECRET: process.env.RACKPILOT_SECRET, RACKPILOT_DATA_DIR: path.join(scratch, "data") });

try {
  const { userId, poolId } = await seedFleet(client);
  const query = { search: "PowerEdge", resource_pool: String(poolId), ordering: "name", page: "3", page_size: "50", ...QUERY };
  const url = `http://127.0.0.1:${PORT}/api/server/?${new URLSearchParams(query)}`;
  const token = await issueToken(userId, "access");

  // The statements one request runs, in order, as the service layer issues them.
  const statements: Array<{ text: string; params: unknown[] }> = [];
  const recording = drizzle(client, { schema, casing: "snake_case", logger: { logQuery: (text, params) => statements.push({ text, params }) } });
  const actor = (await authenticateBearer(recording, `Bearer ${token}`)) as UserActor;
  const page = (await listServers({ ctx: { actor, db: recording, requestUrl: url }, input: query })) as { count: number; results: Array<{ name: string }> };
  if (page.results.length !== Number(query.page_size)) throw new Error(`expected a full page ${query.page}, got ${page.results.length} of ${page.count}`);

  await waitUntilServing(`http://127.0.0.1:${PORT}/login`, server);
  const check = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = (await check.json()) as { count: number; results: Array<{ name: string }> };
  if (check.status !== 200 || body.count !== page.count || body.results[0]?.name !== page.results[0]?.name) throw new Error(`API answered ${check.status}`);

  const cpuBefore = processCpuMs(server.pid!);
  const pgBefore = clusterCpuMs(database.clusterDir!);
  const wrk = runWrk(url, token);
  const { served, requests } = wrk;
  const serverCpu = (processCpuMs(server.pid!) - cpuBefore) / served;
  const pgCpu = (clusterCpuMs(database.clusterDir!) - pgBefore) / served;

  const pgDirectBefore = clusterCpuMs(database.clusterDir!);
  const direct: number[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        for (const statement of statements) await client.unsafe(statement.text, statement.params as never[], { prepare: true });
        direct.push(performance.now() - started);
      }
    }),
  );
  direct.sort((a, b) => a - b);
  const pgDirectCpu = (clusterCpuMs(database.clusterDir!) - pgDirectBefore) / direct.length;

  writeFileSync(path.join(scratch, "statements.json"), JSON.stringify({ url: database.url, statements }));
  const bare = spawn(process.execPath, ["--import", "tsx", "bench/lib/bare-list-server.ts", path.join(scratch, "statements.json"), String(BARE_PORT)], { stdio: ["ignore", "pipe", "inherit"] });
  await once(bare.stdout!, "data");
  runWrk(`http://127.0.0.1:${BARE_PORT}/`, token, 3); // its JIT warmed up: a floor, not a cold start
  const floor = runWrk(`http://127.0.0.1:${BARE_PORT}/`, token);
  await stop(bare);

  const api = { median: wrk.latency("50%"), p99: wrk.latency("99%") };
  const sql = { median: percentile(direct, 50), p99: percentile(direct, 99) };
  console.log(`GET ${url.replace(/^http:\/\/[^/]+/, "")} as a non-staff user (${page.count} matches; 10,000 servers, 100 pools), ${CLIENTS} concurrent clients, ${SECONDS} s each:`);
  console.log(`  API (wrk -t2 -c${CLIENTS}, keep-alive)                       median ${api.median.toFixed(2)} ms   p99 ${api.p99.toFixed(2)} ms   (${requests} req/s; CPU each: server ${serverCpu.toFixed(1)} ms, PostgreSQL ${pgCpu.toFixed(1)} ms)`);
  console.log(`  same ${statements.length} SQL statements, postgres driver, ${CLIENTS} loops   median ${sql.median.toFixed(2)} ms   p99 ${sql.p99.toFixed(2)} ms   (${(direct.length / SECONDS).toFixed(0)} req/s; PostgreSQL CPU ${pgDirectCpu.toFixed(1)} ms each)`);
  console.log(`  bare node:http + postgres driver, same statements          median ${floor.latency("50%").toFixed(2)} ms   p99 ${floor.latency("99%").toFixed(2)} ms   (${floor.requests} req/s: the floor on this machine)`);
  console.log(`  API / direct: median ${(api.median / sql.median).toFixed(2)}x, p99 ${(api.p99 / sql.p99).toFixed(2)}x (target: p99 < 50 ms and within 3x)`);
  console.log(`measured: one run on ${os.cpus().length} cores shared with other work; wrk and the driver loops on the same machine`);
} finally {
  await stop(server);
  await client.end();
  await database.stop();
  rmSync(scratch, { recursive: true, force: true });
}
