// Discovery sweep: 127.60.0.0/16 (65,536 addresses) holding 1,000 simulated BMCs, scanned by
// Rackpilot's scan job and by nmap, side by side in one run. Run: npx tsx bench/scan-sweep.ts [rounds]
import { execFile, fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { startEmbeddedPostgres } from "~/db/bootstrap/embedded";
import { closeDb, getDb } from "~/db/client";
import { migrateDatabase } from "~/db/migrate";
import { nodes, scanRanges } from "~/db/schema";
import { scanSettings, workerSettings } from "~/server/config";
import { ipv4ToNumber } from "~/server/lib/ipv4";
import type { ServiceContext } from "~/server/services/context";
import { createScanRange } from "~/server/services/scan-ranges";
import { runScan } from "~/server/services/scans";
import { fastConnect } from "~/server/sweep/connect";
import { Limiter, sweepWidth } from "~/server/sweep/limiter";
import { sweep } from "~/server/sweep/sweep";
import { startWorker } from "~/workers/runner";
import { ask } from "./fleet-process";

const BMCS = 1000;
// Not 9443: the other benchmarks' fleets use 127.60.0.1.. on that port, and may run at the same time.
const PORT = 9444;
const RANGE = { from: "127.60.0.0", to: "127.60.255.255" };
const rounds = Number(process.argv[2] ?? 2);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const cpu = (result: { cpuMs: number; mainThreadCpuMs?: number; fleetCpuMs?: number }) =>
  `CPU ${seconds(result.cpuMs)}${result.mainThreadCpuMs === undefined ? "" : ` (main thread ${seconds(result.mainThreadCpuMs)})`}` +
  `${result.fleetCpuMs === undefined ? "" : ` + ${seconds(result.fleetCpuMs)} in the simulated BMCs`}`;

/** User + system CPU of this process's main thread, in ms (Linux clock ticks of 10 ms). */
function mainThreadCpuMs(): number {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function startFleetProcess(): Promise<{ child: ChildProcess; addresses: Set<string> }> {
  const child = fork(fileURLToPath(new URL("./simulator-fleet.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, SIM_COUNT: String(BMCS), SIM_PORT: String(PORT) },
  });
  const ready = await ask<{ bmcs: Array<{ url: string }> }>(child, "", "ready");
  return { child, addresses: new Set(ready.bmcs.map((bmc) => new URL(bmc.url).hostname)) };
}

/** Compares what a scanner found with the fleet: every BMC found, and nothing else. */
function check(found: Set<string>, fleet: Set<string>) {
  const missed = [...fleet].filter((address) => !found.has(address)).length;
  const falsePositives = [...found].filter((address) => !fleet.has(address)).length;
  return { found: found.size, missed, falsePositives };
}
const verdict = (result: ReturnType<typeof check>) =>
  `${result.found} found, ${result.missed} missed, ${result.falsePositives} false positives${result.missed || result.falsePositives ? "  <-- WRONG" : ""}`;

async function runNmap(fleet: Set<string>) {
  const started = performance.now();
  // GNU time reports nmap's own CPU seconds on stderr's last line.
  const nmap = ["nmap", "-sT", "-n", "-p", String(PORT), "--open", "-T5", "-oG", "-", "127.60.0.0/16"];
  const { stdout, stderr } = await promisify(execFile)("/usr/bin/time", ["-f", "%U %S", ...nmap], { maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  const [user, system] = stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  const open = new Set([...stdout.matchAll(/^Host: (\S+) .*Ports: \d+\/open/gm)].map((match) => match[1]!));
  return { ms, cpuMs: (user! + system!) * 1000, ...check(open, fleet) };
}

/** CPU time of this process and of the fleet's, in ms, spent while `work` ran. */
async function measured<T>(child: ChildProcess, work: () => Promise<T>): Promise<T & { cpuMs: number; mainThreadCpuMs: number; fleetCpuMs: number }> {
  const cpuOf = async () => (await ask<{ cpu: NodeJS.CpuUsage }>(child, "cpu", "cpu")).cpu;
  const [ownBefore, mainBefore, fleetBefore] = [process.cpuUsage(), mainThreadCpuMs(), await cpuOf()];
  const result = await work();
  const [own, mainAfter, fleetAfter] = [process.cpuUsage(ownBefore), mainThreadCpuMs(), await cpuOf()];
  const fleetCpuMs = (fleetAfter.user + fleetAfter.system - fleetBefore.user - fleetBefore.system) / 1000;
  return { ...result, cpuMs: (own.user + own.system) / 1000, mainThreadCpuMs: mainAfter - mainBefore, fleetCpuMs };
}

async function runSweepOnly(fleet: Set<string>) {
  const open = new Set<string>();
  const limiter = new Limiter(sweepWidth(scanSettings.concurrency));
  const started = performance.now();
  await sweep(
    { firstAddress: ipv4ToNumber(RANGE.from), addressCount: 65_536, ports: [PORT] },
    { limiter, connectTimeoutMs: scanSettings.connectTimeoutMs, onOpen: (endpoint) => open.add(endpoint.host) },
  );
  return { ms: performance.now() - started, ...check(open, fleet) };
}

async function runProductScan(ctx: ServiceContext, rangeId: number, fleet: Set<string>) {
  const started = performance.now();
  await runScan({ ctx, input: { scan_ranges: [rangeId] } });
  for (;;) {
    const [range] = await ctx.db.select().from(scanRanges).where(eq(scanRanges.id, rangeId));
    if (range!.status !== "scanning") break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const ms = performance.now() - started;
  const [range] = await ctx.db.select().from(scanRanges).where(eq(scanRanges.id, rangeId));
  const seen = await ctx.db
    .select({ ip: nodes.ip })
    .from(nodes)
    .where(sql`${nodes.lastSeen} >= ${range!.scanStartedAt!.toISOString()}::timestamptz`);
  return { ms, status: range!.status, ...check(new Set(seen.map((node) => node.ip)), fleet) };
}

const dir = await mkdtemp(path.join(os.tmpdir(), "rackpilot-bench-scan-"));
await chmod(dir, 0o755);
const cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false });
const admin = postgres(cluster.adminUrl("postgres"), { max: 1, onnotice: () => {} });
await admin.unsafe("create database rackpilot");
await admin.end();
process.env.DATABASE_URL = cluster.adminUrl("rackpilot");
await migrateDatabase(process.env.DATABASE_URL);

const fleetStarted = performance.now();
const { child, addresses } = await startFleetProcess();
console.log(`fleet:    ${addresses.size} simulated BMCs (mixed vendors, HTTPS) on 127.60.0.1.. port ${PORT}, in a child process (${seconds(performance.now() - fleetStarted)} to start)`);
const worker = await startWorker(process.env.DATABASE_URL);
const ctx: ServiceContext = { actor: { kind: "system" }, db: getDb() };
const range = await createScanRange({ ctx, input: { name: "bench /16", ip_from: RANGE.from, ip_to: RANGE.to, ports: [PORT] } });
console.log(
  `settings: connector ${fastConnect.kind}, ${sweepWidth(scanSettings.concurrency)} connects in flight, connect timeout ${scanSettings.connectTimeoutMs} ms, ` +
    `${scanSettings.chunkSize} addresses per chunk, ${workerSettings.concurrency} chunks at once, ${scanSettings.probeConcurrency} probes in flight`,
);

const results: Array<{ nmap: number; scan: number; sweep: number }> = [];
for (let round = 1; round <= rounds; round++) {
  const nmap = await runNmap(addresses);
  console.log(`round ${round}: nmap -sT -n -p ${PORT} --open -T5 127.60.0.0/16   ${seconds(nmap.ms).padStart(8)}  ${verdict(nmap)}; ${cpu(nmap)}`);
  const scan = await measured(child, () => runProductScan(ctx, range.id, addresses));
  console.log(`round ${round}: Rackpilot scan (run_scan -> range ready)    ${seconds(scan.ms).padStart(8)}  ${verdict(scan)} (range ${scan.status}); ${cpu(scan)}`);
  const sweepOnly = await measured(child, () => runSweepOnly(addresses));
  console.log(`round ${round}: Rackpilot TCP sweep alone                   ${seconds(sweepOnly.ms).padStart(8)}  ${verdict(sweepOnly)}; ${cpu(sweepOnly)}`);
  results.push({ nmap: nmap.ms, scan: scan.ms, sweep: sweepOnly.ms });
}

const best = (key: "nmap" | "scan" | "sweep") => Math.min(...results.map((result) => result[key]));
console.log(`\nbest of ${rounds}: nmap ${seconds(best("nmap"))}; Rackpilot scan ${seconds(best("scan"))} (${(best("scan") / best("nmap")).toFixed(2)}x nmap); sweep alone ${seconds(best("sweep"))} (${(best("sweep") / best("nmap")).toFixed(2)}x nmap)`);
console.log("how: wall time of each tool on the same range and port, alternating in one run; the Rackpilot scan is the");
console.log("     product's path (run_scan -> chunk jobs on an in-process worker -> TCP sweep + unauthenticated GET of each");
console.log("     open port's service root over HTTPS + node upserts -> range ready), polled every 50 ms; nmap only sweeps.");
console.log("     CPU is user + system time of nmap (GNU time), of the bench process (scan worker and sweep run in it;");
console.log("     its main thread apart: the scan's sweep runs on a thread of its own, the sweep alone on the main thread)");
console.log("     and of the fleet process (its TLS handshakes); the database's own processes are not counted.");

await worker.stop();
await closeDb();
child.send("stop");
await new Promise((resolve) => child.on("exit", resolve));
await cluster.stop();
await rm(dir, { recursive: true, force: true });
