import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { FleetOptions } from "./config";
import type { ImageManifestInput } from "./image";
import { FIRMWARE_TYPES, type FirmwareType } from "./types";
import { imageVendorOf } from "./vendors";

export const USAGE = `Usage:
  npm run sim -- [--count N] [--base 127.x.y.z] [--port 8443] [--vendor dell|hpe-ilo5|hpe-ilo4|supermicro|lenovo|openbmc|mixed]
                 [--username root] [--password bmc_password] [--seed N] [--http] [--config fleet.json]
                 [--task-ms N] [--power-ms N] [--restart-ms N] [--session-timeout-ms N] [--max-sessions N]
                 [--smart-storage-only] [--trailing-slash] [--cert-dir DIR] [--control-port P] [--until-stdin-closes]
  npm run sim -- make-image --vendor dell --type bios --version 1.12.2 [--model "PowerEdge R750"]... [--name NAME] --out FILE
    types: ${FIRMWARE_TYPES.join(", ")}`;

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
  return number;
}

/** Fleet options from the command line; explicit flags override a --config file's top level. */
export interface RunArgs {
  options: FleetOptions;
  /** Stop when standard input closes: the fleet of a parent process that may die without signalling it. */
  untilStdinCloses: boolean;
}

export function parseRunArgs(argv: string[]): RunArgs | "help" {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      count: { type: "string" },
      base: { type: "string" },
      port: { type: "string" },
      vendor: { type: "string" },
      username: { type: "string" },
      password: { type: "string" },
      seed: { type: "string" },
      http: { type: "boolean" },
      config: { type: "string" },
      "task-ms": { type: "string" },
      "power-ms": { type: "string" },
      "restart-ms": { type: "string" },
      "session-timeout-ms": { type: "string" },
      "max-sessions": { type: "string" },
      "smart-storage-only": { type: "boolean" },
      "trailing-slash": { type: "boolean" },
      "cert-dir": { type: "string" },
      "control-port": { type: "string" },
      "until-stdin-closes": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  const file = values.config ? readConfig(values.config) : {};
  const timings = {
    ...file.timings,
    ...defined({
      taskMs: integer("task-ms", values["task-ms"]),
      powerMs: integer("power-ms", values["power-ms"]),
      bmcRestartMs: integer("restart-ms", values["restart-ms"]),
      sessionTimeoutMs: integer("session-timeout-ms", values["session-timeout-ms"]),
    }),
  };
  const quirks = {
    ...file.quirks,
    ...defined({ smartStorageOnly: values["smart-storage-only"], trailingSlash: values["trailing-slash"] }),
  };
  const options: FleetOptions = {
    ...file,
    ...(Object.keys(quirks).length > 0 && { quirks }),
    port: file.port ?? 8443,
    ...defined({
      count: integer("count", values.count),
      base: values.base,
      port: integer("port", values.port),
      vendor: values.vendor as FleetOptions["vendor"],
      username: values.username,
      password: values.password,
      seed: values.seed,
      http: values.http,
      maxSessions: integer("max-sessions", values["max-sessions"]),
      certificateDir: values["cert-dir"],
      controlPort: integer("control-port", values["control-port"]),
    }),
    timings,
  };
  return { options, untilStdinCloses: values["until-stdin-closes"] === true };
}

export function parseMakeImageArgs(argv: string[]): { manifest: ImageManifestInput; out: string } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      vendor: { type: "string" },
      type: { type: "string" },
      version: { type: "string" },
      model: { type: "string", multiple: true },
      name: { type: "string" },
      out: { type: "string" },
    },
  });
  const { vendor: vendorName, type, version, out } = values;
  if (!vendorName || !type || !version || !out) throw new Error("make-image needs --vendor, --type, --version and --out");
  const vendor = imageVendorOf(vendorName);
  if (!vendor) throw new Error(`unknown vendor "${vendorName}"`);
  if (!FIRMWARE_TYPES.includes(type as FirmwareType)) throw new Error(`unknown type "${type}" (one of ${FIRMWARE_TYPES.join(", ")})`);
  const models = values.model ?? [];
  const name = values.name ?? `${vendor} ${type} ${version}`;
  return { manifest: { vendor, type: type as FirmwareType, version, models, name }, out };
}

function readConfig(path: string): FleetOptions {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as FleetOptions;
  } catch (error) {
    throw new Error(`cannot read --config ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
