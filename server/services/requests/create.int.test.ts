import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { requests, requestServers } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestRequest } from "~/server/testing/requests";
import { remediationSettings } from "../remediation";
import { createRequestFleet, requestCount } from "./test-fleet";

let api: TestApi;
let fleet: Awaited<ReturnType<typeof createRequestFleet>>;

beforeAll(async () => {
  api = await startTestApi();
  fleet = await createRequestFleet(api.db);
});
afterAll(() => api.close());

const BASELINE = "/api/requests/firmware_baseline_update/";
const FIRMWARE = "/api/requests/firmware_update/";
const post = (path: string, json: unknown, token = fleet.alice.token) => api.request("POST", path, { token, json });

/** Every refusal is a 400 with this body, and stores nothing. */
async function refused(path: string, json: unknown, body: unknown, token = fleet.alice.token) {
  const before = await requestCount(api.db);
  const response = await post(path, json, token);
  expect([response.status, response.body]).toEqual([400, body]);
  expect(await requestCount(api.db)).toBe(before);
}

const invalidPk = (id: number) => [`Invalid pk "${id}" - object does not exist.`];

describe("POST /api/requests/firmware_baseline_update/: the seed's error table", () => {
  it("refuses a baseline with no firmware binaries defined", async () => {
    const { empty } = fleet.baselines;
    await refused(
      BASELINE,
      { data: { baseline: empty.id, servers: [fleet.servers.a1.id] } },
      { data: { baseline: [`The baseline ${empty.id} (empty) has no firmware binaries defined: add binaries to it first.`] } },
    );
  });

  it("refuses a body with neither servers nor pool (an empty list counts as none), or both", async () => {
    const { r750 } = fleet.baselines;
    const neither = { data: { non_field_errors: ["Either servers or pool must be provided."] } };
    await refused(BASELINE, { data: { baseline: r750.id } }, neither);
    await refused(BASELINE, { data: { baseline: r750.id, servers: [], pool: null } }, neither);
    await refused(
      BASELINE,
      { data: { baseline: r750.id, servers: [fleet.servers.a1.id], pool: fleet.pools.alicePool.id } },
      { data: { non_field_errors: ["Give either servers or pool, not both."] } },
    );
  });

  it("refuses a pool with no unprotected servers", async () => {
    const { protectedPool } = fleet.pools;
    await refused(
      BASELINE,
      { data: { baseline: fleet.baselines.r750.id, pool: protectedPool.id } },
      { data: { pool: [`No unprotected servers found in the pool ${protectedPool.id} (protected-only) or its sub-pools.`] } },
    );
  });

  it("refuses a named server no binary of the baseline applies to, naming it", async () => {
    const { hpe, a1 } = fleet.servers;
    const { r750 } = fleet.baselines;
    await refused(
      BASELINE,
      { data: { baseline: r750.id, servers: [a1.id, hpe.id] } },
      { data: { servers: [`Not compatible with any firmware in baseline ${r750.id} (R750 Q1): server ${hpe.id} (hpe1).`] } },
    );
  });

  it("refuses unknown ids, and ids of another group's servers and pools exactly like unknown ones", async () => {
    const { r750 } = fleet.baselines;
    await refused(BASELINE, { data: { baseline: 999_999, servers: [fleet.servers.a1.id] } }, { data: { baseline: invalidPk(999_999) } });
    for (const id of [999_999, fleet.servers.b1.id])
      await refused(BASELINE, { data: { baseline: r750.id, servers: [fleet.servers.a1.id, id] } }, { data: { servers: invalidPk(id) } });
    for (const id of [999_999, fleet.pools.bobPool.id]) await refused(BASELINE, { data: { baseline: r750.id, pool: id } }, { data: { pool: invalidPk(id) } });
  });
});

describe("POST /api/requests/firmware_baseline_update/: the other refusals", () => {
  it("refuses a protected server named in data.servers, naming it", async () => {
    const { guarded, a1 } = fleet.servers;
    await refused(
      BASELINE,
      { data: { baseline: fleet.baselines.r750.id, servers: [a1.id, guarded.id] } },
      {
        data: {
          servers: [`Protected servers are never updated: ${guarded.id} (guarded). Clear "protected" on the server first if it really must be updated.`],
        },
      },
    );
  });

  it("refuses a server already in an active request, naming the request, for servers and pools alike", async () => {
    const { a2 } = fleet.servers;
    const busy = await createTestRequest(api.db, [a2.id], { status: "running", type: "firmware_update" });
    const message = `Already in an active request: server ${a2.id} (a2) is in request ${busy.id} (firmware_update, running). Wait for it to finish or cancel it.`;
    await refused(BASELINE, { data: { baseline: fleet.baselines.r750.id, servers: [a2.id] } }, { data: { servers: [message] } });
    await refused(BASELINE, { data: { baseline: fleet.baselines.r750.id, pool: fleet.pools.alicePool.id } }, { data: { pool: [message] } });
    await api.db.delete(requestServers).where(eq(requestServers.requestId, busy.id));
  });

  it("refuses a baseline holding a binary Rackpilot has no copy of", async () => {
    const { notReady } = fleet.binaries;
    await refused(
      BASELINE,
      { data: { baseline: fleet.baselines.notReady.id, servers: [fleet.servers.a1.id] } },
      {
        data: {
          baseline: [`Firmware binary ${notReady.id} (PERC) is not ready: Rackpilot holds no copy of it to serve to the BMCs. Add it to the catalog again.`],
        },
      },
    );
  });

  it("validates the body's fields with DRF's messages, nested under data", async () => {
    const { r750 } = fleet.baselines;
    await refused(BASELINE, {}, { data: ["This field is required."] });
    await refused(BASELINE, { data: { servers: [1] } }, { data: { baseline: ["This field is required."] } });
    await refused(
      BASELINE,
      { data: { baseline: "abc", servers: "1" } },
      { data: { baseline: ["Incorrect type. Expected pk value, received str."], servers: ['Expected a list of items but got type "str".'] } },
    );
    await refused(
      BASELINE,
      { data: { baseline: r750.id, pool: 1, apply_time: "later", max_parallel: 0, stop_after_failures: "x", dry_run: "maybe" } },
      {
        data: {
          apply_time: ['"later" is not a valid choice.'],
          max_parallel: ["Ensure this value is greater than or equal to 1."],
          stop_after_failures: ["A valid integer is required."],
          dry_run: ["Must be a valid boolean."],
        },
      },
    );
  });
});

describe("POST /api/requests/firmware_update/", () => {
  it("refuses what the baseline endpoint refuses, for its own fields", async () => {
    const { a1, hpe, guarded } = fleet.servers;
    const { bios, notReady } = fleet.binaries;
    await refused(FIRMWARE, { data: {} }, { data: { servers: ["This field is required."], firmware: ["This field is required."] } });
    await refused(FIRMWARE, { data: { servers: [a1.id], firmware: 999_999 } }, { data: { firmware: invalidPk(999_999) } });
    await refused(FIRMWARE, { data: { servers: [], firmware: bios.id } }, { data: { servers: ["This list may not be empty."] } });
    await refused(
      FIRMWARE,
      { data: { servers: [a1.id], firmware: notReady.id } },
      { data: { firmware: [expect.stringContaining(`Firmware binary ${notReady.id} (PERC) is not ready`)] } },
    );
    await refused(
      FIRMWARE,
      { data: { servers: [hpe.id], firmware: bios.id } },
      { data: { servers: [`Not compatible with any firmware in firmware ${bios.id} (R750 BIOS): server ${hpe.id} (hpe1).`] } },
    );
    await refused(
      FIRMWARE,
      { data: { servers: [guarded.id], firmware: bios.id } },
      { data: { servers: [expect.stringContaining(`${guarded.id} (guarded)`)] } },
    );
  });

  it("answers the seed's example with 201 and the request, force_reinstall defaulting to true", async () => {
    const { a1 } = fleet.servers;
    const response = await post(FIRMWARE, { data: { servers: [a1.id], firmware: fleet.binaries.bmc.id, force_updates: false } });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      type: "firmware_update",
      status: "pending",
      data: {
        servers: [a1.id],
        firmware: fleet.binaries.bmc.id,
        force_reinstall: true,
        force_updates: false,
        apply_time: "immediate",
        stop_after_failures: null,
        max_parallel: remediationSettings.maxParallel,
      },
      created_by: fleet.alice.id,
      cancel_requested: false,
      progress: { servers_total: 1, servers_done: 0, servers_failed: 0, percent: 0 },
    });
    expect(response.body.servers.map((server: { server: number }) => server.server)).toEqual([a1.id]);
    // No worker runs here: end it as the engine would, so a1 is free for the tests below.
    await api.db.update(requests).set({ status: "succeeded" }).where(eq(requests.id, response.body.id));
  });
});

describe("two requests at once over the same server", () => {
  it("lets exactly one through; the other names it", async () => {
    const { b2 } = fleet.servers;
    const json = { data: { servers: [b2.id], firmware: fleet.binaries.bios.id } };
    const answers = await Promise.all([post(FIRMWARE, json, fleet.bob.token), post(FIRMWARE, json, fleet.bob.token), post(FIRMWARE, json, fleet.staff.token)]);
    const created = answers.filter((answer) => answer.status === 201);
    expect(created).toHaveLength(1);
    for (const answer of answers.filter((other) => other.status !== 201)) {
      expect([answer.status, answer.body]).toEqual([
        400,
        { data: { servers: [expect.stringContaining(`is in request ${created[0]!.body.id} (firmware_update, pending)`)] } },
      ]);
    }
  });
});

describe("what a pool targets, and the dry run", () => {
  it("plans every unprotected compatible server of the pool and its sub-pools, and creates nothing", async () => {
    const { a1, a2, sub1 } = fleet.servers;
    const before = await requestCount(api.db);
    const response = await post(BASELINE, { data: { baseline: fleet.baselines.r750.id, pool: fleet.pools.alicePool.id, dry_run: true } });
    expect(response.status).toBe(201);
    expect(await requestCount(api.db)).toBe(before);
    expect(response.body).toMatchObject({ dry_run: true, type: "firmware_baseline_update", data: { pool: fleet.pools.alicePool.id, force_reinstall: false } });
    expect(response.body.data).not.toHaveProperty("dry_run");
    const planned = response.body.servers as Array<{
      server_id: number;
      components: Array<{ firmware_type: string; from_version: string; to_version: string; steps: string[] }>;
    }>;
    expect(planned.map((server) => server.server_id)).toEqual([a1.id, a2.id, sub1.id]);
    for (const server of planned) {
      expect(server.components.map((component) => [component.firmware_type, component.from_version, component.to_version])).toEqual([
        ["bmc", "5.10.00.00", "6.10.80.00"],
        ["bios", "1.2.4", "1.12.2"],
      ]);
      for (const component of server.components) expect(component.steps.length).toBeGreaterThan(0);
    }
  });

  it("creates the request over those servers with its options stored, and answers 201", async () => {
    const { a1, a2, sub1 } = fleet.servers;
    const json = {
      data: {
        baseline: fleet.baselines.r750.id,
        pool: fleet.pools.alicePool.id,
        max_parallel: 2,
        stop_after_failures: 1,
        apply_time: "on_reset",
        force_updates: true,
      },
    };
    const response = await post(BASELINE, json);
    expect(response.status).toBe(201);
    expect(response.body.data).toEqual({ ...json.data, force_reinstall: false });
    expect(response.body.servers.map((server: { server: number; status: string }) => [server.server, server.status])).toEqual(
      [a1.id, a2.id, sub1.id].map((id) => [id, "pending"]),
    );
    const rows = await api.db.select().from(requestServers).where(eq(requestServers.requestId, response.body.id));
    expect(rows.map((row) => row.serverId).sort((x, y) => x - y)).toEqual([a1.id, a2.id, sub1.id]);
    // Its servers are now busy: another request over them names this one.
    await refused(
      BASELINE,
      { data: { baseline: fleet.baselines.r750.id, servers: [sub1.id] } },
      { data: { servers: [expect.stringContaining(`is in request ${response.body.id} (firmware_baseline_update`)] } },
    );
  });
});
