import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseRunArgs } from "./cli-args";
import { startFleet } from "./fleet";

const dir = mkdtempSync(path.join(tmpdir(), "sim-cert-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a fleet's certificate kept in a directory", () => {
  it("is generated there once and presented again by a restarted fleet", async () => {
    const first = await startFleet({ base: "127.58.9.1", certificateDir: dir });
    await first.stop();
    expect(statSync(path.join(dir, "bmc-key.pem")).mode & 0o777).toBe(0o600);
    const second = await startFleet({ base: "127.58.9.1", certificateDir: dir });
    await second.stop();
    expect(second.certificate).toContain("BEGIN CERTIFICATE");
    expect(second.certificate).toBe(first.certificate);
    const other = await startFleet({ base: "127.58.9.1" });
    await other.stop();
    expect(other.certificate).not.toBe(first.certificate);
  });

  it("is asked for with --cert-dir", () => {
    expect(parseRunArgs(["--cert-dir", dir])).toMatchObject({ options: { certificateDir: dir } });
  });
});
