import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeImage, startFleet, type Fleet } from "~/simulator";
import { startTestFileServer, type TestFileServer } from "~/server/services/firmware/test-file-server";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createNodeFor, createTestProfile } from "~/server/testing/registration";
import { startWorker } from "~/workers/runner";

const SCRIPT = path.join(import.meta.dirname, "seed-pool-firmware-update.sh");
const TARGET = { bios: "1.99.1", bmc: "7.00.00.00" };

let api: TestApi;
let fleet: Fleet;
let files: TestFileServer;
let worker: Runner;
// BMCs download Rackpilot's own copy of each binary from the test server; short polls suit the simulator's timings.
const SETTINGS = ["RACKPILOT_PUBLIC_URL", "RACKPILOT_UPDATE_TIMEOUTS", "RACKPILOT_WORKER_POLL_INTERVAL"] as const;
const saved = Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]]));

/** What the walkthrough assumes exists: baseline 1 (Dell BIOS + iDRAC) and pool 5 holding registered Dell servers. */
beforeAll(async () => {
  api = await startTestApi();
  Object.assign(process.env, {
    RACKPILOT_PUBLIC_URL: api.baseUrl,
    RACKPILOT_UPDATE_TIMEOUTS: JSON.stringify({ "*": { poll: 0.2 } }),
    RACKPILOT_WORKER_POLL_INTERVAL: "0.2",
  });
  const staff = (await createTestUser(api.db, { isStaff: true })).token;
  await createTestUser(api.db, { username: "your_user", password: "your_pass", groups: [1] });
  fleet = await startFleet({
    base: "127.66.10.1",
    count: 3,
    vendor: "dell",
    seed: 6610,
    username: "root",
    password: "calvin",
    timings: { taskMs: 150, powerMs: 50, bmcRestartMs: 400 },
  });
  const profile = await createTestProfile(api, staff, [{ username: "root", password: "calvin" }]);
  const serverIds: number[] = [];
  for (const bmc of fleet.bmcs) {
    const node = await createNodeFor(api, fleet, bmc);
    const registered = await api.request("POST", `/api/node/${node.id}/register/`, { token: staff, json: { auth_profile: profile.id } });
    expect(registered.status).toBe(200);
    serverIds.push(registered.body.id);
  }
  await api.db.execute(sql`select setval('pools_id_seq', 4)`);
  const pool = await api.request("POST", "/api/pool/", { token: staff, json: { name: "Production - Rack 5", group: 1 } });
  expect(pool.body.id).toBe(5);
  await api.request("POST", "/api/pool/5/assign_servers/", { token: staff, json: { servers: serverIds } });

  files = await startTestFileServer(
    Object.fromEntries(
      Object.entries(TARGET).map(([type, version]) => [
        `/${type}.bin`,
        makeImage({ vendor: "dell", type: type as "bios", version, name: `Dell ${type} ${version}` }),
      ]),
    ),
  );
  const binaries: number[] = [];
  for (const [type, version] of Object.entries(TARGET)) {
    const created = await api.request("POST", "/api/firmware/", {
      token: staff,
      json: { name: `Dell ${type}`, firmware_type: type, version, manufacturer: "Dell", models: [], location: files.url(`/${type}.bin`) },
    });
    expect(created.status).toBe(201);
    binaries.push(created.body.id);
  }
  const baseline = await api.request("POST", "/api/firmware_baseline/", {
    token: staff,
    json: { name: "Dell Rack 5 Q1", description: "BIOS and iDRAC", firmware_binaries: binaries },
  });
  expect(baseline.body.id).toBe(1);
  worker = await startWorker(process.env.DATABASE_URL!);
});
afterAll(async () => {
  for (const name of SETTINGS) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await Promise.all([worker?.stop(), fleet?.stop(), files?.close()]);
  await api.close();
});

describe("the seed's pool-level firmware update, steps 1-5, as a curl + jq script", () => {
  it("finds the pool non-compliant, remediates it in one request, follows it to the end, and finds it compliant", { timeout: 150_000 }, async () => {
    const { stdout } = await promisify(execFile)("bash", [SCRIPT], { env: { ...process.env, MOJOHOST: api.baseUrl }, timeout: 140_000 });
    const [before, after] = [...stdout.matchAll(/^\{\n {2}"summary": \{[\s\S]*?\n\}$/gm)].map((match) => JSON.parse(match[0]));
    expect(stdout).toContain(`{\n  "id": 1,\n  "name": "Dell Rack 5 Q1",\n  "description": "BIOS and iDRAC"\n}`);
    expect(before.summary).toEqual({ total_servers: 3, compliant: 0, non_compliant: 3, unknown: 0, not_applicable: 0 });
    expect(before.non_compliant_servers).toHaveLength(3);

    const request = JSON.parse(/^\{"id":\d+,"type":"firmware_baseline_update".*$/m.exec(stdout)![0]);
    expect(request).toMatchObject({
      type: "firmware_baseline_update",
      status: "pending",
      data: { baseline: 1, pool: 5, force_reinstall: false, force_updates: false },
    });
    expect(request.servers).toHaveLength(3);
    expect(stdout).toContain(`Request ${request.id}: succeeded 3/3 100%`);

    expect(after).toEqual({ summary: { total_servers: 3, compliant: 3, non_compliant: 0, unknown: 0, not_applicable: 0 }, non_compliant_servers: [] });
    for (const bmc of fleet.bmcs) {
      expect([bmc.firmware.bios, bmc.firmware.bmc]).toEqual([TARGET.bios, TARGET.bmc]);
      expect(
        bmc.flashHistory
          .filter((flash) => flash.outcome === "applied")
          .map((flash) => flash.type)
          .sort(),
      ).toEqual(["bios", "bmc"]);
    }
  });
});
