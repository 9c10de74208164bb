import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complianceSnapshots, groups, pools, servers } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestServer } from "~/server/testing/inventory";
import { insertFirmwareBinary } from "../firmware/test-factories";
import { takeComplianceSnapshot } from "./snapshot";

let api: TestApi;
let staff: { id: number; token: string };
let alice: { id: number; token: string };
let baseline: number;
const pool = { rack: 0, lab: 0 };
const server = { a: 0, b: 0, lab: 0 };

beforeAll(async () => {
  api = await startTestApi();
  const lab = (await api.db.insert(groups).values({ name: "lab" }).returning())[0]!.id;
  staff = await createTestUser(api.db, { isStaff: true, groups: [] });
  alice = await createTestUser(api.db, { groups: [1] });
  pool.rack = (await api.db.insert(pools).values({ name: "Rack 1", groupId: 1 }).returning())[0]!.id;
  pool.lab = (await api.db.insert(pools).values({ name: "Lab", groupId: lab }).returning())[0]!.id;
  const bios = await insertFirmwareBinary(api.db, { firmwareType: "bios", version: "2.19.1", manufacturer: "Dell", models: [] });
  baseline = (await api.request("POST", "/api/firmware_baseline/", { token: staff.token, json: { name: "R750 BIOS", firmware_binaries: [bios.id] } })).body.id;
  server.a = (await createTestServer(api.db, { name: "a", manufacturer: "Dell Inc.", biosVersion: "2.19.1", resourcePoolId: pool.rack })).id;
  server.b = (await createTestServer(api.db, { name: "b", manufacturer: "Dell Inc.", biosVersion: "2.17.0", resourcePoolId: pool.rack })).id;
  server.lab = (await createTestServer(api.db, { name: "lab", manufacturer: "Dell Inc.", biosVersion: "2.19.1", resourcePoolId: pool.lab })).id;
});
afterAll(() => api.close());

const path = (suffix = "") => `/api/firmware_baseline/${baseline}/compliance/${suffix}`;
const snapshot = (json: unknown = {}, token = staff.token) => api.request("POST", path("snapshot/"), { token, json });
const history = (query = "", token = staff.token) => api.request("GET", path(`history/${query}`), { token });
const setBios = (id: number, biosVersion: string) => api.db.update(servers).set({ biosVersion }).where(eq(servers.id, id));

describe("compliance snapshots and history", () => {
  let first: number;
  let second: number;

  it("records the summary now: 201 with the snapshot, no drift on a first snapshot", async () => {
    const response = await snapshot();
    expect(response.status).toBe(201);
    expect(Object.keys(response.body)).toEqual(["id", "taken_at", "trigger", "scope", "pool", "server", "created_by", "summary", "changes"]);
    expect(response.body).toMatchObject({
      trigger: "manual",
      scope: "compatible",
      pool: null,
      server: null,
      created_by: staff.id,
      summary: { total_servers: 3, compliant: 2, non_compliant: 1, unknown: 0, not_applicable: 0 },
      changes: { became_non_compliant: 0, became_compliant: 0 },
    });
    first = response.body.id;
  });

  it("counts drift server by server against the previous snapshot recording each server", async () => {
    await setBios(server.a, "2.18.0");
    await setBios(server.b, "2.19.1");
    const response = await snapshot();
    second = response.body.id;
    expect(response.body.changes).toEqual({ became_non_compliant: 1, became_compliant: 1 });
    const detail = await api.request("GET", path(`history/${second}/`), { token: staff.token });
    expect(detail.status).toBe(200);
    expect(detail.body.changed_servers).toEqual([
      { server_id: server.a, server_name: "a", previous_status: "compliant", overall_status: "non_compliant" },
      { server_id: server.b, server_name: "b", previous_status: "non_compliant", overall_status: "compliant" },
    ]);
    expect((await api.request("GET", path(`history/${first}/`), { token: staff.token })).body.changed_servers).toEqual([]);
  });

  it("lists snapshots newest first in the DRF envelope, filtered by trigger", async () => {
    const response = await history();
    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual(["count", "next", "previous", "results"]);
    expect(response.body.results.map((s: { id: number }) => s.id)).toEqual([second, first]);
    const paged = await history("?page_size=1");
    expect(paged.body).toMatchObject({ count: 2, next: `${api.baseUrl}${path("history/")}?page=2&page_size=1` });
    expect((await history("?trigger=nightly")).body.count).toBe(0);
    expect((await history("?trigger=weekly")).body).toEqual({ trigger: ["Select a valid choice. weekly is not one of the available choices."] });
  });

  it("gives a pool or a server its own history out of fleet-wide snapshots", async () => {
    const rack = await history(`?pool=${pool.rack}`);
    expect(rack.body.results.map((s: { summary: object }) => s.summary)).toEqual([
      { total_servers: 2, compliant: 1, non_compliant: 1, unknown: 0, not_applicable: 0 },
      { total_servers: 2, compliant: 1, non_compliant: 1, unknown: 0, not_applicable: 0 },
    ]);
    const one = await history(`?server=${server.a}`);
    expect(one.body.results.map((s: { summary: { compliant: number }; changes: object }) => [s.summary.compliant, s.changes])).toEqual([
      [0, { became_non_compliant: 1, became_compliant: 0 }],
      [1, { became_non_compliant: 0, became_compliant: 0 }],
    ]);
  });

  it("shows users who are not staff only their servers' counts, and no snapshot that holds none of them", async () => {
    const own = await history("", alice.token);
    expect(own.body.results[0].summary).toEqual({ total_servers: 2, compliant: 1, non_compliant: 1, unknown: 0, not_applicable: 0 });
    const labOnly = await snapshot({ pool: pool.lab });
    expect(labOnly.body).toMatchObject({ scope: "pool", pool: pool.lab, summary: { total_servers: 1 } });
    expect((await history("", alice.token)).body.count).toBe(2);
    expect((await api.request("GET", path(`history/${labOnly.body.id}/`), { token: alice.token })).status).toBe(404);
    const mine = await snapshot({}, alice.token);
    expect(mine.body).toMatchObject({ created_by: alice.id, summary: { total_servers: 2 } });
    expect((await history("", staff.token)).body.results[0].summary.total_servers).toBe(3);
  });

  it("takes a remediation's snapshot of its servers through the service verb, with an empty body as no scope over REST", async () => {
    const system = { actor: { kind: "system" as const }, db: api.db };
    const id = await takeComplianceSnapshot({ ctx: system, input: { baselineId: baseline, scope: { kind: "servers", serverIds: [server.a] }, trigger: "remediation" } });
    const listed = await history("?trigger=remediation");
    expect(listed.body.results).toMatchObject([{ id, scope: "server", server: server.a, created_by: null, summary: { total_servers: 1, non_compliant: 1 } }]);
    const bare = await api.request("POST", path("snapshot/"), { token: staff.token });
    expect([bare.status, bare.body.scope]).toEqual([201, "compatible"]);
  });

  it("refuses bad scopes and unknown objects as the compliance check does", async () => {
    expect((await snapshot({ pool: "x" })).body).toEqual({ pool: ["A valid integer is required."] });
    expect((await snapshot({ server: 999999 })).body).toEqual({ detail: "No Server matches the given query." });
    expect((await snapshot({ pool: pool.lab }, alice.token)).status).toBe(404);
    expect((await history("?pool=abc")).body).toEqual({ pool: ["A valid integer is required."] });
    expect((await history("?server=999999")).status).toBe(404);
    expect((await api.request("POST", "/api/firmware_baseline/999999/compliance/snapshot/", { token: staff.token, json: {} })).status).toBe(404);
    const other = (await api.request("POST", "/api/firmware_baseline/", { token: staff.token, json: { name: "other" } })).body.id;
    const foreign = await api.request("GET", `/api/firmware_baseline/${other}/compliance/history/${second}/`, { token: staff.token });
    expect([foreign.status, foreign.body]).toEqual([404, { detail: "No ComplianceSnapshot matches the given query." }]);
    expect(await api.db.$count(complianceSnapshots, sql`${complianceSnapshots.baselineId} = ${other}`)).toBe(0);
  });
});
