// Simulator under a fleet-wide update: 1,000 BMCs in one child process (flash 2 s, BMC restart 3 s,
// host power phases 1 s), every one sent one BMC firmware update at the same moment, while
// authenticated GETs keep coming. Run: npx tsx bench/simulator-update-load.ts
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { makeImage, spawnFleet, type BmcState } from "../simulator/index";

const BMCS = 1000;
const GET_CONCURRENCY = 64;
const TIMINGS = { taskMs: 2000, powerMs: 1000, bmcRestartMs: 3000 };
const FAMILY = { dell: "dell", "hpe-ilo5": "hpe", "hpe-ilo4": "hpe", supermicro: "supermicro", lenovo: "lenovo", openbmc: "openbmc" } as const;
const SYSTEM = { dell: "/redfish/v1/Systems/System.Embedded.1", "hpe-ilo4": "/redfish/v1/Systems/1/" } as Record<string, string>;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024;
/** User + system CPU seconds of a process so far (clock ticks of 1/100 s). */
const cpuOf = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
// Separate keep-alive connections for the updates and for the GETs, so that no GET waits behind an update.
const updateAgent = new https.Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false });
const getAgent = new https.Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false });
const basic = `Basic ${Buffer.from("root:bmc_password").toString("base64")}`;

function call(url: string, method = "GET", body?: string, agent = updateAgent) {
  return new Promise<number>((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: basic, ...(body && { "Content-Type": "application/json" }) };
    const req = https.request(url, { method, headers, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A GET that a stale keep-alive socket may fail once, as urllib3 retries. */
const get = (url: string, agent = getAgent) => call(url, "GET", undefined, agent).catch(() => call(url, "GET", undefined, agent));

// The firmware repository: one BMC image per image vendor, for every model of it.
const files = new Map<string, Buffer>();
for (const vendor of new Set(Object.values(FAMILY))) files.set(`/${vendor}-bmc.bin`, makeImage({ vendor, type: "bmc", version: "9.99.99", models: [], name: `${vendor} bmc` }));
const repository = http.createServer((req, res) => {
  const file = files.get(req.url ?? "");
  res.writeHead(file ? 200 : 404, { "Content-Length": file?.length ?? 0 }).end(file);
});
await new Promise<void>((resolve) => repository.listen(0, "127.61.255.254", resolve));
const imageUrl = (vendor: keyof typeof FAMILY) => `http://127.61.255.254:${(repository.address() as AddressInfo).port}/${FAMILY[vendor]}-bmc.bin`;

const fleet = await spawnFleet({ count: BMCS, vendor: "mixed", base: "127.61.0.1", port: 9443, seed: 1, timings: TIMINGS });
const pid = fleet.child.pid!;
const bmcs = await fleet.control.bmcs();
const systemUrl = (bmc: BmcState) => `${bmc.url}${SYSTEM[bmc.vendor] ?? "/redfish/v1/Systems/1"}`;
await new Promise((resolve) => setTimeout(resolve, 2000));
console.log(`fleet:    ${bmcs.length} mixed BMCs in one child process (npm run sim, HTTPS), flash ${TIMINGS.taskMs} ms,`);
console.log(`          BMC restart ${TIMINGS.bmcRestartMs} ms; RSS at rest before the updates: ${mib(rssOf(pid))} (/proc/<pid>/status VmRSS)`);

// Each GET worker keeps one keep-alive connection to its own BMC (every 15th), so a latency is the
// simulator answering, not a TLS handshake; those BMCs flash and restart like the others.
const latencies: number[] = [];
const statuses = new Map<number, number>();
let loading = true;
const load = Promise.all(
  Array.from({ length: GET_CONCURRENCY }, async (_, worker) => {
    const url = systemUrl(bmcs[worker * Math.floor(bmcs.length / GET_CONCURRENCY)]);
    while (loading) {
      const sent = performance.now();
      const status = await get(url).catch(() => 0);
      latencies.push(performance.now() - sent);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }),
);
await fleet.control.stats();
await new Promise((resolve) => setTimeout(resolve, 5000));
const baseline = latencies.splice(0);
statuses.clear();
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(pid))), 250);

const idleLoop = (await fleet.control.stats()).event_loop_delay_ms;
const started = performance.now();
const cpuBefore = cpuOf(pid);
const answers = await Promise.all(
  bmcs.map((bmc) =>
    bmc.vendor === "hpe-ilo4"
      ? call(`${bmc.url}/redfish/v1/Managers/1/UpdateService/`, "POST", JSON.stringify({ Action: "InstallFromURI", FirmwareURI: imageUrl(bmc.vendor) }))
      : call(`${bmc.url}/redfish/v1/UpdateService/Actions/UpdateService.SimpleUpdate`, "POST", JSON.stringify({ ImageURI: imageUrl(bmc.vendor) })),
  ),
);
const acceptedMs = performance.now() - started;
const controlLatencies: number[] = [];
let outcomes: string[] = [];
for (;;) {
  const polled = performance.now();
  const states = await fleet.control.bmcs();
  controlLatencies.push(performance.now() - polled);
  outcomes = states.map((state) => state.flash_history.at(-1)?.outcome ?? "none");
  if (outcomes.every((outcome) => outcome !== "running")) break;
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
const allDoneMs = performance.now() - started;
const cpuSeconds = cpuOf(pid) - cpuBefore;
const busyLoop = (await fleet.control.stats()).event_loop_delay_ms;
loading = false;
await load;
clearInterval(sampler);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
};
const count = (outcome: string) => outcomes.filter((candidate) => candidate === outcome).length;
const accepted = answers.filter((status) => status === 202 || status === 200).length;
console.log(`updates:  ${accepted}/${BMCS} accepted (202, iLO 4 200) ${acceptedMs.toFixed(0)} ms after the first POST (all sent at once, each`);
console.log(`          on a new TLS connection: 1,000 handshakes included); every flash over, BMC back, ${(allDoneMs / 1000).toFixed(1)} s after the first POST`);
console.log(`          (ideal: ${(TIMINGS.taskMs + TIMINGS.bmcRestartMs) / 1000} s flash + restart); outcomes: ${count("applied")} applied, ${count("failed")} failed`);
console.log(`GETs:     authenticated GETs of the system resource, ${GET_CONCURRENCY} in flight, each on a keep-alive connection to its own BMC:`);
console.log(`          5 s before the updates: ${baseline.length} GETs, p50 ${percentile(baseline, 50)} ms, p99 ${percentile(baseline, 99)} ms`);
console.log(`          during the updates: ${latencies.length} GETs, p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms;`);
console.log(`          answers ${JSON.stringify(Object.fromEntries(statuses))} (503: the BMC is in its restart window after flashing itself)`);
console.log(`control:  GET /bmcs (1,000 states) polled every second while the updates ran: p50 ${percentile(controlLatencies, 50)} ms, p99 ${percentile(controlLatencies, 99)} ms`);
const loop = (delay: typeof idleLoop) => `p50 ${delay.p50} ms, p99 ${delay.p99} ms, max ${delay.max} ms`;
console.log(`loop:     the fleet's event loop delay (GET /stats, monitorEventLoopDelay): 5 s before the updates ${loop(idleLoop)};`);
console.log(`          during them ${loop(busyLoop)}`);
console.log(`CPU:      the fleet process used ${cpuSeconds.toFixed(1)} s of CPU (user + system, /proc/<pid>/stat) over those ${(allDoneMs / 1000).toFixed(1)} s,`);
console.log(`          answering the updates, the downloads, the GETs and the control polls`);
console.log(`RSS peak: ${mib(peakRss)} (fleet process, sampled every 250 ms during the updates)`);
await new Promise((resolve) => setTimeout(resolve, 3000));
console.log(`RSS rest: ${mib(rssOf(pid))} (fleet process, 3 s after the last flash)`);

await fleet.stop();
updateAgent.destroy();
getAgent.destroy();
repository.close();
if (accepted !== BMCS || count("applied") !== BMCS) process.exitCode = 1;
