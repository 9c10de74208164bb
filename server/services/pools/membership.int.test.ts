import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groups, pools, servers, switches } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestNode, createTestServer } from "~/server/testing/inventory";
import { createTestRequest } from "~/server/testing/requests";

let api: TestApi;
let staff: string;
let member: string;
let production: number;
let staging: number;
let labPool: number;

const FORBIDDEN = { detail: "You do not have permission to perform this action." };
const poolOf = async (ids: number[]) => new Map((await api.db.select().from(servers).where(inArray(servers.id, ids))).map((row) => [row.id, row.resourcePoolId]));

beforeAll(async () => {
  api = await startTestApi();
  // Node ids far from server ids, so each id below names what the test means it to.
  await api.db.execute(sql`select setval('nodes_id_seq', 100000)`);
  const lab = (await api.db.insert(groups).values({ name: "lab" }).returning())[0]!.id;
  staff = (await createTestUser(api.db, { isStaff: true, groups: [] })).token;
  member = (await createTestUser(api.db, { groups: [1] })).token;
  [production, staging] = (await api.db.insert(pools).values([{ name: "Production", groupId: 1 }, { name: "Staging", groupId: 1 }]).returning()).map((pool) => pool.id) as [number, number];
  labPool = (await api.db.insert(pools).values({ name: "Lab", groupId: lab }).returning())[0]!.id;
});
afterAll(() => api.close());

describe("POST /api/pool/{id}/assign_servers/", () => {
  it("takes server ids and node ids, and reports every id given", async () => {
    const free = await createTestServer(api.db);
    const chassis = await createTestNode(api.db, { status: "registered" });
    const blades = [await createTestServer(api.db, { nodeId: chassis.id }), await createTestServer(api.db, { nodeId: chassis.id })];
    const busy = await createTestServer(api.db, { resourcePoolId: staging });
    const unregistered = await createTestNode(api.db);
    const response = await api.request("POST", `/api/pool/${production}/assign_servers/`, {
      token: staff,
      json: { servers: [free.id, chassis.id, busy.id, unregistered.id, 2_000_000, free.id, 99_999_999_999] },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      assigned: [free.id, blades[0]!.id, blades[1]!.id],
      already_in_pool: [{ server: busy.id, pool: { id: staging, name: "Staging" } }],
      not_found: [unregistered.id, 2_000_000, 99_999_999_999],
    });
    expect(await poolOf([free.id, ...blades.map((b) => b.id), busy.id])).toEqual(
      new Map([[free.id, production], [blades[0]!.id, production], [blades[1]!.id, production], [busy.id, staging]]),
    );
    expect((await api.request("GET", `/api/pool/${production}/`, { token: staff })).body.servers_count).toBe(3);
  });

  it("looks an id up as a server id before a node id", async () => {
    const node = await createTestNode(api.db, { status: "registered" });
    const managed = await createTestServer(api.db, { nodeId: node.id });
    const namesake = await createTestServer(api.db, { id: node.id });
    const response = await api.request("POST", `/api/pool/${staging}/assign_servers/`, { token: staff, json: { servers: [node.id] } });
    expect(response.body.assigned).toEqual([namesake.id]);
    expect((await poolOf([managed.id])).get(managed.id)).toBeNull();
  });

  it("is idempotent: a server already in this pool counts as assigned", async () => {
    const { id } = await createTestServer(api.db, { resourcePoolId: production });
    const again = await api.request("POST", `/api/pool/${production}/assign_servers/`, { token: staff, json: { servers: [id] } });
    expect(again.body).toEqual({ assigned: [id], already_in_pool: [], not_found: [] });
    expect((await api.request("POST", `/api/pool/${production}/assign_servers/`, { token: staff, json: { servers: [] } })).body).toEqual({ assigned: [], already_in_pool: [], not_found: [] });
  });

  it("answers 404 for a pool the user cannot see, 403 for a visible one, before reading the body", async () => {
    const { id } = await createTestServer(api.db);
    expect((await api.request("POST", `/api/pool/${labPool}/assign_servers/`, { token: member, json: { servers: [id] } })).body).toEqual({ detail: "No Pool matches the given query." });
    expect((await api.request("POST", `/api/pool/${production}/assign_servers/`, { token: member, json: { servers: "junk" } })).body).toEqual(FORBIDDEN);
    expect((await poolOf([id])).get(id)).toBeNull();
  });

  it("validates the body", async () => {
    const cases: Array<[unknown, unknown]> = [
      [{}, { servers: ["This field is required."] }],
      [{ servers: 5 }, { servers: ['Expected a list of items but got type "int".'] }],
      [{ servers: ["a"] }, { servers: ["Incorrect type. Expected pk value, received str."] }],
      [{ servers: Array.from({ length: 10_001 }, (_, i) => i + 1) }, { servers: ["Ensure this field has no more than 10000 elements."] }],
    ];
    for (const [json, errors] of cases) {
      const response = await api.request("POST", `/api/pool/${production}/assign_servers/`, { token: staff, json });
      expect(response.status).toBe(400);
      expect(response.body).toEqual(errors);
    }
  });
});

describe("POST /api/server/remove_from_pool/", () => {
  it("removes servers, refuses those in an active request with the reason, and reports unknown ids", async () => {
    const [a, b, c] = [await createTestServer(api.db, { resourcePoolId: production }), await createTestServer(api.db, { resourcePoolId: staging }), await createTestServer(api.db)];
    const running = await createTestRequest(api.db, [b.id], { status: "running" });
    await createTestRequest(api.db, [a.id], { status: "cancelled" });
    const response = await api.request("POST", "/api/server/remove_from_pool/", { token: staff, json: { servers: [a.id, b.id, c.id, 2_000_000] } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      removed: [a.id, c.id],
      refused: [{ server: b.id, reason: `The server is part of request ${running.id} (firmware_baseline_update, running): wait for it to finish or cancel it.` }],
      not_found: [2_000_000],
    });
    expect(await poolOf([a.id, b.id, c.id])).toEqual(new Map([[a.id, null], [b.id, staging], [c.id, null]]));
  });

  it("is staff work (403 before the body is read)", async () => {
    const { id } = await createTestServer(api.db, { resourcePoolId: production });
    for (const json of [{ servers: [id] }, { servers: "junk" }]) {
      const response = await api.request("POST", "/api/server/remove_from_pool/", { token: member, json });
      expect(response.status).toBe(403);
      expect(response.body).toEqual(FORBIDDEN);
    }
    expect((await poolOf([id])).get(id)).toBe(production);
  });
});

describe("switches in pools", () => {
  it("assigns and removes switches with the same per-id report", async () => {
    const [free, taken] = await api.db.insert(switches).values([{ name: "tor-1" }, { name: "tor-2", resourcePoolId: staging }]).returning();
    const assigned = await api.request("POST", `/api/pool/${production}/assign_switches/`, { token: staff, json: { switches: [free!.id, taken!.id, 2_000_000] } });
    expect(assigned.body).toEqual({ assigned: [free!.id], already_in_pool: [{ switch: taken!.id, pool: { id: staging, name: "Staging" } }], not_found: [2_000_000] });
    expect((await api.request("GET", `/api/pool/${production}/`, { token: staff })).body.switches_count).toBe(1);
    expect((await api.request("POST", `/api/pool/${production}/assign_switches/`, { token: member, json: { switches: [free!.id] } })).status).toBe(403);
    const removed = await api.request("POST", "/api/switch/remove_from_pool/", { token: staff, json: { switches: [free!.id, 2_000_000] } });
    expect(removed.body).toEqual({ removed: [free!.id], not_found: [2_000_000] });
    expect((await api.request("POST", "/api/switch/remove_from_pool/", { token: member, json: { switches: [taken!.id] } })).status).toBe(403);
  });
});
