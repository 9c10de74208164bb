import { writeFileSync } from "node:fs";
import { parseMakeImageArgs, parseRunArgs, USAGE } from "./cli-args";
import type { Fleet } from "./fleet";
import { READY_PREFIX, readyLine } from "./fleet-process";
import { makeImage } from "./image";

const DETAILED_UP_TO = 20;

function describe(fleet: Fleet): string[] {
  const { bmcs } = fleet;
  if (bmcs.length <= DETAILED_UP_TO) {
    return bmcs.map((bmc) => `${bmc.url.padEnd(30)} ${bmc.vendor.padEnd(10)} ${bmc.model.padEnd(26)} ${bmc.serial}`);
  }
  const first = bmcs[0];
  const last = bmcs[bmcs.length - 1];
  const counts = new Map<string, number>();
  for (const bmc of bmcs) counts.set(`${bmc.vendor} ${bmc.model}`, (counts.get(`${bmc.vendor} ${bmc.model}`) ?? 0) + 1);
  const ports = new Set(bmcs.map((bmc) => bmc.port)).size === 1 ? `port ${first.port}` : "ports vary";
  const scheme = new URL(first.url).protocol.replace(":", "");
  return [
    `${bmcs.length} BMCs on ${first.address} .. ${last.address}, ${ports}, ${scheme}`,
    ...[...counts].map(([kind, count]) => `  ${String(count).padStart(5)} x ${kind}`),
  ];
}

async function run(argv: string[]): Promise<void> {
  const args = parseRunArgs(argv);
  if (args === "help") {
    console.log(USAGE);
    return;
  }
  // Loaded only to run a fleet: TLS generation pulls in heavy modules make-image does not need.
  const { startFleet } = await import("./fleet");
  const fleet = await startFleet(args.options);
  // Handlers first: whoever reads the banner may signal at once.
  const shutdown = () => {
    void fleet.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  if (args.untilStdinCloses) {
    process.stdin.once("end", shutdown).once("close", shutdown);
    process.stdin.resume();
  }
  for (const line of describe(fleet)) console.log(line);
  const [first] = fleet.bmcs;
  if (fleet.control) console.log(`control endpoint ${fleet.control.url}: GET /bmcs, GET /bmcs/{address}, POST|DELETE /bmcs/{address}/faults`);
  console.log(`seed ${fleet.seed}; log in as ${first.username} / ${first.password}; Ctrl-C stops the fleet.`);
  console.log(`${READY_PREFIX}${JSON.stringify(readyLine(fleet))}`);
}

function makeImageCommand(argv: string[]): void {
  const { manifest, out } = parseMakeImageArgs(argv);
  const image = makeImage(manifest);
  writeFileSync(out, image);
  const models = manifest.models?.length ? manifest.models.join(", ") : "any model";
  console.log(`wrote ${out} (${image.length} bytes): ${manifest.vendor} ${manifest.type} ${manifest.version} for ${models}`);
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === "make-image") makeImageCommand(rest);
  else await run(process.argv.slice(2));
} catch (error) {
  console.error(`sim: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(2);
}
