import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { FleetOptions } from "./config";
import { ControlClient } from "./control-client";
import type { Fleet } from "./fleet";

/** The CLI's last line once every BMC listens: this prefix, then `ReadyLine` as JSON. */
export const READY_PREFIX = "ready ";

export interface ReadyLine {
  bmcs: number;
  seed: string;
  /** The control endpoint's URL, null without `--control-port`. */
  control: string | null;
  /** The first and last BMC. */
  first: string;
  last: string;
}

export function readyLine(fleet: Fleet): ReadyLine {
  return {
    bmcs: fleet.bmcs.length,
    seed: fleet.seed,
    control: fleet.control?.url ?? null,
    first: fleet.bmcs[0].url,
    last: fleet.bmcs[fleet.bmcs.length - 1].url,
  };
}

export interface FleetProcess {
  ready: ReadyLine;
  control: ControlClient;
  child: ChildProcess;
  /** What the CLI printed so far. */
  output(): string;
  /** SIGTERM, then waits for the fleet to exit. */
  stop(): Promise<void>;
}

const CLI = join(import.meta.dirname, "cli.ts");

/**
 * Runs a fleet in its own process (`npm run sim` with `options` as its `--config` file and a
 * control endpoint on a free port), and resolves once it printed its ready line. For tests and
 * benches that must kill or load something else without taking the fleet with it.
 */
export async function spawnFleet(options: FleetOptions, { timeoutMs = 120_000 } = {}): Promise<FleetProcess> {
  const dir = await mkdtemp(join(tmpdir(), "rackpilot-fleet-"));
  const config = join(dir, "fleet.json");
  await writeFile(config, JSON.stringify({ port: 0, ...options }));
  const args = ["--import", "tsx", CLI, "--config", config, "--control-port", String(options.controlPort ?? 0), "--until-stdin-closes"];
  // stdin is a pipe the fleet watches: if this process dies without stopping it, the fleet stops too.
  const child = spawn(process.execPath, args, { cwd: dirname(import.meta.dirname), stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    const ready = await new Promise<ReadyLine>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the fleet printed no ready line within ${timeoutMs} ms: ${stderr}`)), timeoutMs);
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        const line = stdout.split("\n").find((candidate) => candidate.startsWith(READY_PREFIX));
        if (!line) return;
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(READY_PREFIX.length)) as ReadyLine);
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the fleet exited (${code}) before it was ready: ${stderr}`));
      });
    });
    return {
      ready,
      control: new ControlClient(ready.control!),
      child,
      output: () => stdout,
      stop: async () => {
        if (child.exitCode === null) child.kill("SIGTERM");
        await exited;
      },
    };
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
