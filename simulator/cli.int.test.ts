import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseImage } from "./index";
import { request } from "./testing/client";

const CLI = join(import.meta.dirname, "cli.ts");
let dir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rackpilot-sim-cli-"));
});
afterAll(async () => {
  // A failed assertion must not leave a fleet holding its addresses.
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  output: () => string;
  errors: () => string;
  /** Resolves once `marker` appears on stdout. */
  ready: (marker: string) => Promise<void>;
  exit: Promise<number | null>;
  signal: (name: NodeJS.Signals) => void;
}

function runCli(args: string[]): Run {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    output: () => stdout,
    errors: () => stderr,
    exit,
    signal: (name) => child.kill(name),
    ready: (marker) =>
      new Promise((resolve, reject) => {
        const check = () => (stdout.includes(marker) ? resolve() : undefined);
        child.stdout.on("data", check);
        void exit.then((code) => reject(new Error(`CLI exited (${code}) before "${marker}": ${stderr}`)));
        check();
      }),
  };
}

describe.concurrent("npm run sim", () => {
  it("starts BMCs, prints one line each, and stops cleanly on SIGTERM", async () => {
    const cli = runCli(["--count", "3", "--base", "127.51.7.1", "--port", "28445", "--vendor", "mixed", "--seed", "1", "--http"]);
    await cli.ready("Ctrl-C");
    const lines = cli.output().trim().split("\n");
    expect(lines.slice(0, 3)).toEqual([
      expect.stringMatching(/^http:\/\/127\.51\.7\.1:28445 +dell +PowerEdge R[67]50 +CN\w{12}$/),
      expect.stringMatching(/^http:\/\/127\.51\.7\.2:28445 +hpe-ilo5 +ProLiant DL3[68]0 Gen10 Plus +MXQ\w{7}$/),
      expect.stringMatching(/^http:\/\/127\.51\.7\.3:28445 +hpe-ilo4 +ProLiant DL3[68]0 Gen9 +CZJ\w{7}$/),
    ]);
    expect(lines[3]).toContain("seed 1");
    const root = await request("http://127.51.7.2:28445/redfish/v1/");
    expect(root.body.Vendor).toBe("HPE");
    cli.signal("SIGTERM");
    expect(await cli.exit).toBe(0);
  });

  it("summarises large fleets and reads a --config file", async () => {
    const config = join(dir, "fleet.json");
    await writeFile(config, JSON.stringify({ seed: 5, bmcs: [{ count: 20, vendor: "supermicro" }, { count: 5, vendor: "lenovo" }] }));
    const cli = runCli(["--config", config, "--base", "127.51.7.10", "--port", "28446"]);
    await cli.ready("Ctrl-C");
    const output = cli.output();
    expect(output).toContain("25 BMCs on 127.51.7.10 .. 127.51.7.34, port 28446, https");
    const countOf = (vendor: string) =>
      [...output.matchAll(new RegExp(`^ +(\\d+) x ${vendor} `, "gm"))].reduce((sum, match) => sum + Number(match[1]), 0);
    expect([countOf("supermicro"), countOf("lenovo")]).toEqual([20, 5]);
    expect(output.split("\n").filter((line) => line.startsWith("https://"))).toEqual([]);
    cli.signal("SIGINT");
    expect(await cli.exit).toBe(0);
  });

  it("refuses a base outside 127.0.0.0/8", async () => {
    const cli = runCli(["--count", "2", "--base", "10.20.30.40"]);
    expect(await cli.exit).toBe(2);
    expect(cli.errors()).toContain("10.20.30.40 is not in 127.0.0.0/8");
  });

  it("writes firmware images with make-image", async () => {
    const out = join(dir, "bios.bin");
    const cli = runCli(["make-image", "--vendor", "dell", "--type", "bios", "--version", "1.12.2", "--model", "PowerEdge R750", "--out", out]);
    expect(await cli.exit).toBe(0);
    expect(cli.output()).toContain("dell bios 1.12.2 for PowerEdge R750");
    const { manifest } = parseImage(await readFile(out));
    expect(manifest).toMatchObject({ vendor: "dell", type: "bios", version: "1.12.2", models: ["PowerEdge R750"] });
  });
});
