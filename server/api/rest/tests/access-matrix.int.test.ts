import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groups, nodes, pools, servers, switches } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestNode, createTestServer } from "~/server/testing/inventory";

/**
 * Who sees and does what, over every server, switch, node and pool endpoint: staff; `alice` (group A);
 * `bob` (group B); `loner` (no group). Every object's name carries its owner, so any leak of another
 * group's data into a response body shows as that name.
 */
type Owner = "A" | "B" | "none";
type Actor = "staff" | "alice" | "bob" | "loner";
const SEES: Record<Actor, Owner[]> = { staff: ["A", "B", "none"], alice: ["A"], bob: ["B"], loner: [] };
const MARKER: Record<Owner, string> = { A: "owned-by-A", B: "owned-by-B", none: "owned-by-none" };

let api: TestApi;
const tokens = {} as Record<Actor, string>;
type Owned = Array<{ id: number; owner: Owner }>;
// A node belongs to whoever owns the server it manages; one that manages none is staff's alone.
const objects = { pool: [] as Owned, server: [] as Owned, switch: [] as Owned, node: [] as Owned };

beforeAll(async () => {
  api = await startTestApi();
  const [a, b] = (await api.db.insert(groups).values([{ name: "group-a" }, { name: "group-b" }]).returning()).map((g) => g.id) as [number, number];
  tokens.staff = (await createTestUser(api.db, { isStaff: true, groups: [] })).token;
  tokens.alice = (await createTestUser(api.db, { groups: [a] })).token;
  tokens.bob = (await createTestUser(api.db, { groups: [b] })).token;
  tokens.loner = (await createTestUser(api.db, { groups: [] })).token;
  for (const [owner, groupId] of [["A", a], ["B", b]] as const) {
    const [top] = await api.db.insert(pools).values({ name: `pool ${MARKER[owner]}`, groupId }).returning();
    const [sub] = await api.db.insert(pools).values({ name: `sub-pool ${MARKER[owner]}`, groupId, parentId: top!.id }).returning();
    objects.pool.push({ id: top!.id, owner }, { id: sub!.id, owner });
  }
  const poolOf = (owner: Owner, index: number) => (owner === "none" ? null : objects.pool.filter((p) => p.owner === owner)[index]!.id);
  for (const owner of ["A", "B", "none"] as const) {
    for (const index of [0, 1]) {
      const node = await createTestNode(api.db, { status: "registered", product: `iDRAC ${MARKER[owner]}` });
      const server = await createTestServer(api.db, { name: `r750 ${MARKER[owner]} ${index}`, nodeId: node.id, resourcePoolId: poolOf(owner, index), withParts: true });
      objects.server.push({ id: server.id, owner });
      objects.node.push({ id: node.id, owner });
    }
    const [row] = await api.db.insert(switches).values({ name: `tor ${MARKER[owner]}`, resourcePoolId: poolOf(owner, 0) }).returning();
    objects.switch.push({ id: row!.id, owner });
  }
  objects.node.push({ id: (await createTestNode(api.db, { product: `orphan ${MARKER.none}` })).id, owner: "none" });
});
afterAll(() => api.close());

const ACTORS: Actor[] = ["staff", "alice", "bob", "loner"];
const get = (actor: Actor, path: string) => api.request("GET", path, { token: tokens[actor] });

function expectNoLeak(actor: Actor, text: string) {
  for (const owner of ["A", "B", "none"] as const) if (!SEES[actor].includes(owner)) expect(text, `${actor} got ${owner}'s data`).not.toContain(MARKER[owner]);
}

describe.each(ACTORS)("%s reading", (actor) => {
  it.each([
    ["server", "/api/server/"],
    ["switch", "/api/switch/"],
    ["pool", "/api/pool/"],
    ["node", "/api/node/"],
  ] as const)("the %s list: exactly the visible rows, whatever the search, ordering or page; counts included", async (kind, path) => {
    const visible = objects[kind].filter((o) => SEES[actor].includes(o.owner));
    for (const query of ["", "?search=owned-by", "?search=owned-by-B", "?ordering=-id", "?page=1&page_size=1", "?page=last&page_size=1", "?resource_pool__isnull=true"]) {
      if (query.includes("isnull") && (kind === "pool" || kind === "node")) continue;
      const response = await get(actor, `${path}${query}`);
      expect(response.status, query).toBe(200);
      expectNoLeak(actor, response.text);
      const expected = visible.filter((o) => (query === "?search=owned-by-B" ? o.owner === "B" : query.includes("isnull") ? o.owner === "none" : true));
      expect(response.body.count, `${kind}${query}`).toBe(expected.length);
      if (!query.includes("page")) expect(response.body.results.map((r: { id: number }) => r.id).sort()).toEqual(expected.map((o) => o.id).sort());
    }
  });

  it("every detail route: 200 for what the actor sees, the model's 404 for anything else", async () => {
    const routes = [
      ...objects.server.flatMap((o) => ["", "processors/", "ethernet_interfaces/", "storages/", "firmwares/"].map((part) => ({ ...o, path: `/api/server/${o.id}/${part}`, model: "Server" }))),
      ...objects.switch.map((o) => ({ ...o, path: `/api/switch/${o.id}/`, model: "Switch" })),
      ...objects.pool.map((o) => ({ ...o, path: `/api/pool/${o.id}/`, model: "Pool" })),
      ...objects.node.map((o) => ({ ...o, path: `/api/node/${o.id}/`, model: "Node" })),
    ];
    for (const route of routes) {
      const response = await get(actor, route.path);
      const visible = SEES[actor].includes(route.owner);
      expect(response.status, `${actor} ${route.path}`).toBe(visible ? 200 : 404);
      if (!visible) expect(response.body).toEqual({ detail: `No ${route.model} matches the given query.` });
      expectNoLeak(actor, response.text);
    }
  });

  it("a filter naming another group's pool is rejected exactly like a pool that does not exist", async () => {
    for (const pool of objects.pool) {
      for (const path of [`/api/server/?resource_pool=${pool.id}`, `/api/switch/?resource_pool=${pool.id}`, `/api/pool/?parent=${pool.id}`]) {
        const response = await get(actor, path);
        expect(response.status, `${actor} ${path}`).toBe(SEES[actor].includes(pool.owner) ? 200 : 400);
        expectNoLeak(actor, response.text);
      }
    }
  });
});

const snapshot = async () => ({
  servers: await api.db.select().from(servers).orderBy(servers.id),
  switches: await api.db.select().from(switches).orderBy(switches.id),
  pools: await api.db.select().from(pools).orderBy(pools.id),
  nodes: await api.db.select().from(nodes).orderBy(nodes.id),
});

describe.each(["alice", "bob", "loner"] as const)("%s writing", (actor) => {
  it("gets 404 on what they cannot see and 403 on staff work over what they can, and nothing changes", async () => {
    const before = await snapshot();
    const attempts: Array<{ o: { id: number; owner: Owner }; method: string; path: string; json?: unknown }> = [
      ...objects.server.flatMap((o) => [
        { o, method: "PATCH", path: `/api/server/${o.id}/`, json: { resource_pool: null } },
        { o, method: "PUT", path: `/api/server/${o.id}/`, json: { name: "taken" } },
        { o, method: "DELETE", path: `/api/server/${o.id}/` },
      ]),
      ...objects.switch.flatMap((o) => [
        { o, method: "PATCH", path: `/api/switch/${o.id}/`, json: { name: "taken" } },
        { o, method: "PUT", path: `/api/switch/${o.id}/`, json: { name: "taken" } },
        { o, method: "DELETE", path: `/api/switch/${o.id}/` },
      ]),
      // Refused before any probe: no BMC is contacted.
      ...objects.node.flatMap((o) => [
        { o, method: "DELETE", path: `/api/node/${o.id}/` },
        { o, method: "POST", path: `/api/node/${o.id}/accept_certificate/` },
      ]),
      ...objects.pool.flatMap((o) => [
        { o, method: "POST", path: `/api/pool/${o.id}/assign_servers/`, json: { servers: objects.server.map((s) => s.id) } },
        { o, method: "POST", path: `/api/pool/${o.id}/assign_switches/`, json: { switches: objects.switch.map((s) => s.id) } },
      ]),
    ];
    for (const { o, method, path, json } of attempts) {
      const response = await api.request(method, path, { token: tokens[actor], json });
      expect(response.status, `${actor} ${method} ${path}`).toBe(SEES[actor].includes(o.owner) ? 403 : 404);
      expectNoLeak(actor, response.text);
    }
    for (const path of ["/api/server/remove_from_pool/", "/api/switch/remove_from_pool/", "/api/switch/"]) {
      const json = { servers: objects.server.map((s) => s.id), switches: objects.switch.map((s) => s.id), name: "new" };
      expect((await api.request("POST", path, { token: tokens[actor], json })).status).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("may rename, describe, tag and protect the servers they see, and only those", async () => {
    for (const server of objects.server) {
      const response = await api.request("PATCH", `/api/server/${server.id}/`, { token: tokens[actor], json: { description: `noted by ${actor}` } });
      expect(response.status).toBe(SEES[actor].includes(server.owner) ? 200 : 404);
    }
  });
});
