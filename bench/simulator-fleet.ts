// The simulator side of bench/simulator-scale.ts: a fleet in its own process, so the load
// generator does not share its CPU time or heap. Talks to the parent over the fork IPC channel.
import { startFleet } from "../simulator/index";

const count = Number(process.env.SIM_COUNT ?? 1000);
const port = Number(process.env.SIM_PORT ?? 9443);
const base = process.env.SIM_BASE ?? "127.60.0.1";
const send = (message: unknown) => process.send?.(message);

const started = performance.now();
const fleet = await startFleet({ count, base, port, vendor: "mixed", seed: 1 });
const startMs = performance.now() - started;

send({
  type: "ready",
  startMs,
  rss: process.memoryUsage().rss,
  bmcs: fleet.bmcs.map((bmc) => ({
    url: bmc.url,
    username: bmc.username,
    password: bmc.password,
    // A mix of the larger resources a registration crawl reads (iLO 4 keeps its inventory under the system).
    paths: [
      bmc.paths.system,
      bmc.paths.manager,
      bmc.paths.chassis,
      bmc.paths.memory,
      bmc.paths.power,
      bmc.paths.thermal,
      bmc.vendor === "hpe-ilo4" ? "/redfish/v1/Systems/1/FirmwareInventory" : bmc.paths.inventory,
    ],
  })),
});

// A bench that dies must not leave 1,000 listeners behind.
process.on("disconnect", () => void fleet.stop().then(() => process.exit(1)));
process.on("message", (message) => {
  if (message === "rss") send({ type: "rss", rss: process.memoryUsage().rss });
  if (message === "cpu") send({ type: "cpu", cpu: process.cpuUsage() });
  if (message === "stop") void fleet.stop().then(() => process.exit(0));
});
