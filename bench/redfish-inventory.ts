// Redfish client: probe and full inventory crawl of 1,000 simulated BMCs, the work a bulk
// registration does before it writes to the database. Run: npx tsx bench/redfish-inventory.ts
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { probeBmc, readInventory, withBmc } from "../server/redfish/index";
import { ask, pool } from "./fleet-process";

const BMCS = Number(process.env.BMCS ?? 1000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 64);

interface FleetBmc {
  url: string;
  username: string;
  password: string;
}

/** CPU seconds (user + system) a process has used, from /proc: contention-proof where wall time is not. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const cpu = () => ({ client: cpuSeconds(process.pid), fleet: cpuSeconds(child.pid!) });
const spent = (from: ReturnType<typeof cpu>) => {
  const now = cpu();
  return `CPU ${(now.client - from.client).toFixed(1)} s client + ${(now.fleet - from.fleet).toFixed(1)} s simulator`;
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(0);

const child = fork(fileURLToPath(new URL("./simulator-fleet.ts", import.meta.url)), [], {
  execArgv: ["--import", "tsx"],
  env: { ...process.env, SIM_COUNT: String(BMCS) },
});
const { bmcs } = await ask<{ bmcs: FleetBmc[] }>(child, "", "ready");
const endpoints = bmcs.map((bmc) => {
  const url = new URL(bmc.url);
  return { host: url.hostname, port: Number(url.port) };
});

const pins: string[] = [];
let cpuBefore = cpu();
let probeStarted = performance.now();
await pool(bmcs.length, CONCURRENCY, async (i) => {
  const result = await probeBmc(endpoints[i]);
  if (result.kind !== "redfish") throw new Error(`${bmcs[i].url}: ${result.error.message}`);
  pins[i] = result.service.certificateSha256;
});
const probeMs = performance.now() - probeStarted;
console.log(`probe:     ${bmcs.length} BMCs in ${probeMs.toFixed(0)} ms (${((bmcs.length / probeMs) * 1000).toFixed(0)}/s; probeBmc(), unauthenticated`);
console.log(`           GET /redfish/v1/ on a fresh TLS connection each, ${CONCURRENCY} in flight; ${spent(cpuBefore)})`);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const durations: number[] = [];
let parts = 0;
cpuBefore = cpu();
probeStarted = performance.now();
await pool(bmcs.length, CONCURRENCY, async (i) => {
  const started = performance.now();
  const options = {
    ...endpoints[i],
    tls: { pinnedSha256: pins[i] },
    credentials: [{ id: 1, username: bmcs[i].username, password: bmcs[i].password }],
  };
  const inventory = await withBmc(options, readInventory);
  parts += inventory.systems.reduce((sum, s) => sum + (s.processors?.length ?? 0) + (s.ethernetInterfaces?.length ?? 0) + (s.firmware?.length ?? 0), 0);
  durations.push(performance.now() - started);
});
const crawlMs = performance.now() - probeStarted;
clearInterval(sampler);
durations.sort((a, b) => a - b);
console.log(`inventory: ${bmcs.length} BMCs in ${(crawlMs / 1000).toFixed(1)} s (${((bmcs.length / crawlMs) * 1000).toFixed(1)}/s; withBmc(readInventory):`);
console.log(`           login, every system, CPU, DIMM, NIC, storage and firmware resource, logout; ${CONCURRENCY} BMCs at once,`);
console.log(`           at most 4 requests in flight per BMC; ${parts} CPUs + NICs + firmware entries read)`);
console.log(`           per BMC p50 ${percentile(durations, 50)} ms, p99 ${percentile(durations, 99)} ms; ${spent(cpuBefore)}`);
console.log(`RSS peak:  ${(peakRss / 1024 / 1024).toFixed(0)} MiB (this client process, sampled every 100 ms; the fleet runs in a child process)`);

child.send("stop");
await new Promise((resolve) => child.on("exit", resolve));
