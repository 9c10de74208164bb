import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { requests } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createRequestFleet, requestStatus } from "./test-fleet";

/**
 * Who sees which request and which of its servers, and who may cancel: `alice` (default group) and
 * `bob` (lab) each own a pool; staff made one request over servers of both.
 */
let api: TestApi;
let fleet: Awaited<ReturnType<typeof createRequestFleet>>;
let aliceRequest: number;
let bobRequest: number;
let staffRequest: number;
let finished: number;

const post = (path: string, json: unknown, token: string) => api.request("POST", path, { token, json });
const ids = (body: { results: Array<{ id: number }> }) => body.results.map((request) => request.id);

beforeAll(async () => {
  api = await startTestApi();
  fleet = await createRequestFleet(api.db);
  const { a1, a2, sub1, b1 } = fleet.servers;
  const { bios, bmc } = fleet.binaries;
  const create = async (json: unknown, token: string) => {
    const response = await post("/api/requests/firmware_update/", json, token);
    expect(response.status).toBe(201);
    return response.body.id as number;
  };
  finished = await create({ data: { servers: [a2.id], firmware: bios.id } }, fleet.alice.token);
  await api.db.update(requests).set({ status: "succeeded", finishedAt: new Date() }).where(eq(requests.id, finished));
  aliceRequest = await create({ data: { servers: [a1.id], firmware: bios.id } }, fleet.alice.token);
  bobRequest = await create({ data: { servers: [b1.id], firmware: bmc.id } }, fleet.bob.token);
  staffRequest = await create({ data: { servers: [sub1.id, a2.id, fleet.servers.b2.id], firmware: bmc.id } }, fleet.staff.token);
});
afterAll(() => api.close());

describe("GET /api/requests/", () => {
  it("lists what each user may see, newest first", async () => {
    expect(ids((await api.request("GET", "/api/requests/", { token: fleet.staff.token })).body)).toEqual([staffRequest, bobRequest, aliceRequest, finished]);
    expect(ids((await api.request("GET", "/api/requests/", { token: fleet.alice.token })).body)).toEqual([staffRequest, aliceRequest, finished]);
    expect(ids((await api.request("GET", "/api/requests/", { token: fleet.bob.token })).body)).toEqual([staffRequest, bobRequest]);
  });

  it("filters by status and type, orders, pages, and refuses a bad choice as django-filter does", async () => {
    const get = async (query: string, token = fleet.staff.token) => (await api.request("GET", `/api/requests/?${query}`, { token })).body;
    expect(ids(await get("status=succeeded"))).toEqual([finished]);
    expect(ids(await get("status=pending&ordering=id"))).toEqual([aliceRequest, bobRequest, staffRequest]);
    expect(ids(await get("type=firmware_baseline_update"))).toEqual([]);
    expect(ids(await get(`server=${fleet.servers.a1.id}`))).toEqual([aliceRequest]);
    expect(await get("status=done")).toEqual({ status: ["Select a valid choice. done is not one of the available choices."] });
    expect(await get(`server=${fleet.servers.b1.id}`, fleet.alice.token)).toEqual({
      server: ["Select a valid choice. That choice is not one of the available choices."],
    });
    const page = await get("ordering=id&page=2&page_size=1");
    expect(page.count).toBe(4);
    expect(ids(page)).toEqual([aliceRequest]);
    expect(page.next).toContain("page=3");
  });
});

describe("routing", () => {
  it("answers 405 with Allow for other methods on the create actions, and 404 for an id that is not one", async () => {
    const get = await api.request("GET", "/api/requests/firmware_update/", { token: fleet.alice.token });
    expect([get.status, get.body, get.headers.get("allow")]).toEqual([405, { detail: 'Method "GET" not allowed.' }, "POST, OPTIONS"]);
    const remove = await api.request("DELETE", `/api/requests/${aliceRequest}/`, { token: fleet.alice.token });
    expect(remove.status).toBe(405);
    expect((await api.request("GET", "/api/requests/abc/", { token: fleet.alice.token })).status).toBe(404);
  });
});

describe("GET /api/requests/{id}/", () => {
  it("answers the request with its fields, progress and servers", async () => {
    const response = await api.request("GET", `/api/requests/${aliceRequest}/`, { token: fleet.alice.token });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual([
      "id",
      "type",
      "status",
      "data",
      "created_by",
      "cancel_requested",
      "created_at",
      "updated_at",
      "started_at",
      "finished_at",
      "progress",
      "servers",
    ]);
    expect(response.body.servers).toEqual([
      {
        server: fleet.servers.a1.id,
        server_name: "a1",
        status: "pending",
        message: "",
        steps: expect.any(Array),
        versions: { before: expect.any(Object), after: expect.any(Object) },
      },
    ]);
  });

  it("shows a user only their servers of a request that holds others too", async () => {
    const servers = async (token: string) =>
      ((await api.request("GET", `/api/requests/${staffRequest}/`, { token })).body.servers ?? []).map((s: { server: number }) => s.server);
    expect(await servers(fleet.staff.token)).toEqual([fleet.servers.a2.id, fleet.servers.sub1.id, fleet.servers.b2.id].sort((x, y) => x - y));
    expect(await servers(fleet.alice.token)).toEqual([fleet.servers.a2.id, fleet.servers.sub1.id].sort((x, y) => x - y));
    expect(await servers(fleet.bob.token)).toEqual([fleet.servers.b2.id]);
    // Nor do the request's data or progress give away another group's servers.
    const seen = async (token: string) => (await api.request("GET", `/api/requests/?ordering=-id&page_size=1`, { token })).body.results[0];
    expect(await seen(fleet.bob.token)).toMatchObject({ id: staffRequest, data: { servers: [fleet.servers.b2.id] }, progress: { servers_total: 1 } });
    expect(await seen(fleet.alice.token)).toMatchObject({
      id: staffRequest,
      data: { servers: [fleet.servers.sub1.id, fleet.servers.a2.id] },
      progress: { servers_total: 2 },
    });
    expect(await seen(fleet.staff.token)).toMatchObject({
      id: staffRequest,
      data: { servers: [fleet.servers.sub1.id, fleet.servers.a2.id, fleet.servers.b2.id] },
      progress: { servers_total: 3 },
    });
  });

  it("answers 404 for another group's request, exactly as for a missing one", async () => {
    for (const id of [bobRequest, 999_999]) {
      for (const response of [
        await api.request("GET", `/api/requests/${id}/`, { token: fleet.alice.token }),
        await post(`/api/requests/${id}/cancel/`, {}, fleet.alice.token),
      ]) {
        expect([response.status, response.body]).toEqual([404, { detail: "No Request matches the given query." }]);
      }
    }
  });
});

describe("POST /api/requests/{id}/cancel/", () => {
  it("lets a user cancel their own request, and again harmlessly", async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await post(`/api/requests/${aliceRequest}/cancel/`, {}, fleet.alice.token);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: aliceRequest, cancel_requested: true });
    }
  });

  it("refuses a user cancelling a request they did not make (403), and any cancel of a request that has ended (400)", async () => {
    const forbidden = await post(`/api/requests/${staffRequest}/cancel/`, {}, fleet.alice.token);
    expect([forbidden.status, forbidden.body]).toEqual([403, { detail: "You do not have permission to perform this action." }]);
    const ended = await post(`/api/requests/${finished}/cancel/`, {}, fleet.alice.token);
    expect([ended.status, ended.body]).toEqual([400, { detail: `Request ${finished} has already ended (succeeded): there is nothing to cancel.` }]);
    expect(await requestStatus(api.db, finished)).toBe("succeeded");
  });

  it("lets staff cancel anyone's request", async () => {
    const response = await post(`/api/requests/${bobRequest}/cancel/`, {}, fleet.staff.token);
    expect([response.status, response.body.cancel_requested]).toEqual([200, true]);
  });
});
