import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMakeImageArgs, parseRunArgs } from "./cli-args";

function optionsOf(argv: string[]) {
  const parsed = parseRunArgs(argv);
  if (parsed === "help") throw new Error("help asked");
  return parsed.options;
}

describe("parseRunArgs", () => {
  it("defaults the port to 8443 and turns flags into fleet options", () => {
    expect(optionsOf(["--count", "10", "--base", "127.50.5.1", "--vendor", "dell", "--http", "--task-ms", "500"])).toEqual({
      port: 8443,
      count: 10,
      base: "127.50.5.1",
      vendor: "dell",
      http: true,
      timings: { taskMs: 500 },
    });
    expect(parseRunArgs(["--help"])).toBe("help");
    expect(parseRunArgs(["--until-stdin-closes"])).toMatchObject({ untilStdinCloses: true });
    expect(optionsOf(["--control-port", "9400", "--vendor", "openbmc"])).toMatchObject({ controlPort: 9400, vendor: "openbmc" });
    expect(() => optionsOf(["--control-port", "9x"])).toThrow(/--control-port must be a non-negative integer/);
  });

  it("lets explicit flags override a --config file's top level", () => {
    const dir = mkdtempSync(join(tmpdir(), "rackpilot-sim-args-"));
    const config = join(dir, "fleet.json");
    writeFileSync(config, JSON.stringify({ port: 9000, seed: 3, timings: { powerMs: 10, taskMs: 20 }, bmcs: [{ vendor: "lenovo" }] }));
    try {
      expect(optionsOf(["--config", config, "--seed", "4", "--power-ms", "99"])).toEqual({
        port: 9000,
        seed: "4",
        timings: { powerMs: 99, taskMs: 20 },
        bmcs: [{ vendor: "lenovo" }],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("turns the firmware-variant flags into quirks, over a --config file's", () => {
    const dir = mkdtempSync(join(tmpdir(), "rackpilot-sim-args-"));
    const config = join(dir, "fleet.json");
    writeFileSync(config, JSON.stringify({ vendor: "hpe-ilo5", quirks: { smartStorageOnly: true } }));
    try {
      expect(optionsOf(["--config", config, "--trailing-slash"])).toMatchObject({ quirks: { smartStorageOnly: true, trailingSlash: true } });
      expect(optionsOf(["--vendor", "hpe-ilo5", "--smart-storage-only"])).toMatchObject({ quirks: { smartStorageOnly: true } });
      expect(optionsOf(["--vendor", "dell"])).not.toHaveProperty("quirks");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects malformed numbers and unknown flags", () => {
    expect(() => optionsOf(["--count", "ten"])).toThrow(/--count must be a non-negative integer/);
    expect(() => optionsOf(["--colour", "red"])).toThrow(/Unknown option/);
    expect(() => optionsOf(["--config", "/nonexistent/fleet.json"])).toThrow(/cannot read --config \/nonexistent\/fleet\.json: ENOENT/);
  });
});

describe("parseMakeImageArgs", () => {
  it("maps vendor names to image vendors and keeps every --model", () => {
    const args = ["--vendor", "hpe-ilo5", "--type", "service_pack", "--version", "2023.09.0", "--model", "A", "--model", "B", "--out", "x.bin"];
    expect(parseMakeImageArgs(args)).toEqual({
      manifest: { vendor: "hpe", type: "service_pack", version: "2023.09.0", models: ["A", "B"], name: "hpe service_pack 2023.09.0" },
      out: "x.bin",
    });
  });

  it("refuses unknown vendors and types, and missing fields", () => {
    const base = ["--version", "1", "--out", "x.bin"];
    expect(() => parseMakeImageArgs(["--vendor", "dell", "--type", "gpu", ...base])).toThrow('unknown type "gpu"');
    expect(() => parseMakeImageArgs(["--vendor", "acme", "--type", "bios", ...base])).toThrow('unknown vendor "acme"');
    expect(() => parseMakeImageArgs(["--vendor", "dell", "--type", "bios", "--out", "x.bin"])).toThrow(/needs --vendor, --type, --version and --out/);
  });
});
