// Simulator scale: start-up time and RSS of 1,000 BMCs in one Node process, then authenticated
// request throughput against all of them. Run: npx tsx bench/simulator-scale.ts
import { fork } from "node:child_process";
import https from "node:https";
import { fileURLToPath } from "node:url";
import { ask, pool } from "./fleet-process";

const BMCS = 1000;
const LOGIN_CONCURRENCY = 50;
const REQUESTS = 20_000;
const CONCURRENCY = 64;

interface FleetBmc {
  url: string;
  username: string;
  password: string;
  paths: string[];
}

const agent = new https.Agent({ keepAlive: true, maxSockets: 2, rejectUnauthorized: false });
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

let retries = 0;

function once(url: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = https.request(url, { method, headers, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Retries once when a kept-alive socket was closed by the BMC as it was reused, as urllib3 does. */
async function call(url: string, method: string, headers: Record<string, string>, body?: string) {
  try {
    return await once(url, method, headers, body);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ECONNRESET" && code !== "EPIPE") throw error;
    retries++;
    return once(url, method, headers, body);
  }
}

const forkedAt = performance.now();
const child = fork(fileURLToPath(new URL("./simulator-fleet.ts", import.meta.url)), [], {
  execArgv: ["--import", "tsx"],
  env: { ...process.env, SIM_COUNT: String(BMCS) },
});
const ready = await ask<{ startMs: number; rss: number; bmcs: FleetBmc[] }>(child, "", "ready");
const processMs = performance.now() - forkedAt;
console.log(`start-up: ${BMCS} BMCs listening in ${ready.startMs.toFixed(0)} ms (startFleet() inside the fleet process,`);
console.log(`          certificate generation included); ${processMs.toFixed(0)} ms from fork to ready, Node + tsx start-up included`);
console.log(`RSS idle: ${mib(ready.rss)} (process.memoryUsage().rss of the fleet process right after start-up)`);

const tokens: string[] = [];
const loginStarted = performance.now();
await pool(ready.bmcs.length, LOGIN_CONCURRENCY, async (i) => {
  const bmc = ready.bmcs[i];
  const body = JSON.stringify({ UserName: bmc.username, Password: bmc.password });
  const response = await call(`${bmc.url}/redfish/v1/SessionService/Sessions`, "POST", { "Content-Type": "application/json" }, body);
  if (response.status !== 201) throw new Error(`login to ${bmc.url} answered ${response.status}`);
  tokens[i] = String(response.headers["x-auth-token"]);
});
const loginMs = performance.now() - loginStarted;
console.log(`logins:   ${ready.bmcs.length} sessions in ${loginMs.toFixed(0)} ms (POST SessionService/Sessions, ${LOGIN_CONCURRENCY} in flight,`);
console.log(`          the first contact with each BMC, so a TLS handshake each)`);

let peakRss = ready.rss;
const sampler = setInterval(() => {
  void ask<{ rss: number }>(child, "rss", "rss").then(({ rss }) => (peakRss = Math.max(peakRss, rss)));
}, 250);
const latencies: number[] = [];
let failures = 0;
const loadStarted = performance.now();
await pool(REQUESTS, CONCURRENCY, async (i) => {
  const bmcIndex = i % ready.bmcs.length;
  const bmc = ready.bmcs[bmcIndex];
  const path = bmc.paths[Math.floor(i / ready.bmcs.length) % bmc.paths.length];
  const sent = performance.now();
  const { status } = await call(`${bmc.url}${path}`, "GET", { "X-Auth-Token": tokens[bmcIndex] });
  latencies.push(performance.now() - sent);
  if (status !== 200) failures++;
});
const loadMs = performance.now() - loadStarted;
clearInterval(sampler);
peakRss = Math.max(peakRss, (await ask<{ rss: number }>(child, "rss", "rss")).rss);

latencies.sort((a, b) => a - b);
const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
console.log(`requests: ${REQUESTS} authenticated GETs (X-Auth-Token) of system, manager, chassis, memory, power, thermal and`);
console.log(`          firmware inventory resources, spread round-robin`);
console.log(`          over all ${ready.bmcs.length} BMCs, ${CONCURRENCY} in flight, keep-alive HTTPS from a separate process`);
const rate = (REQUESTS / (loadMs / 1000)).toFixed(0);
console.log(`          ${rate} req/s over ${(loadMs / 1000).toFixed(1)} s; latency p50 ${percentile(50)} ms, p99 ${percentile(99)} ms`);
console.log(`          ${failures} non-200 answers; ${retries} requests retried once on a stale keep-alive socket`);
console.log(`RSS peak: ${mib(peakRss)} (fleet process, sampled every 250 ms during the request run)`);
await new Promise((resolve) => setTimeout(resolve, 3000));
const restRss = (await ask<{ rss: number }>(child, "rss", "rss")).rss;
console.log(`RSS rest: ${mib(restRss)} (fleet process, 3 s after the request run, sessions still open)`);

child.send("stop");
await new Promise((resolve) => child.on("exit", resolve));
agent.destroy();
if (failures > 0) process.exitCode = 1;
