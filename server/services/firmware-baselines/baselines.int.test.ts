import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { insertFirmwareBinary } from "../firmware/test-factories";

let api: TestApi;
let staff: { id: number; token: string };
let alice: { id: number; token: string };
let bob: { id: number; token: string };
let binaries: number[];

beforeAll(async () => {
  api = await startTestApi();
  [staff, alice, bob] = await Promise.all([createTestUser(api.db, { isStaff: true }), createTestUser(api.db), createTestUser(api.db)]);
  binaries = [];
  for (const firmwareType of ["bios", "bmc", "storage_controller", "nic"]) binaries.push((await insertFirmwareBinary(api.db, { firmwareType })).id);
});
afterAll(() => api.close());

const KEYS = ["id", "firmware_binaries", "created_by", "name", "description", "created_at", "updated_at"];
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
let counter = 0;
const create = (json: unknown, token = alice.token) => api.request("POST", "/api/firmware_baseline/", { token, json });
const createNamed = async (token = alice.token, extra: Record<string, unknown> = {}) => {
  const response = await create({ name: `baseline ${++counter}`, ...extra }, token);
  expect(response.status).toBe(201);
  return response.body as { id: number; name: string; firmware_binaries: number[]; updated_at: string };
};

describe("POST /api/firmware_baseline/", () => {
  it("answers seed 003's create example with 201 and its shape", async () => {
    const [bios, bmc, perc] = binaries;
    const response = await create({
      name: "Dell R750 Production Q1 2026",
      description: "BIOS 1.12.2, iDRAC 6.10.80.00, PERC H755 25.5.9.0001",
      firmware_binaries: [perc, bios, bmc],
    });
    expect(response.status).toBe(201);
    expect(Object.keys(response.body)).toEqual(KEYS);
    expect(response.body).toMatchObject({
      firmware_binaries: [bios, bmc, perc],
      created_by: alice.id,
      name: "Dell R750 Production Q1 2026",
      description: "BIOS 1.12.2, iDRAC 6.10.80.00, PERC H755 25.5.9.0001",
    });
    expect(response.body.created_at).toMatch(ISO);
    expect(response.body.updated_at).toMatch(ISO);
  });

  it("refuses a duplicate name with DRF's unique message", async () => {
    const response = await create({ name: "Dell R750 Production Q1 2026" });
    expect([response.status, response.body]).toEqual([400, { name: ["firmware baseline with this name already exists."] }]);
  });

  it("validates name and firmware_binaries as DRF does, reporting every field at once", async () => {
    expect((await create({})).body).toEqual({ name: ["This field is required."] });
    expect((await create({ name: "  " })).body).toEqual({ name: ["This field may not be blank."] });
    expect((await create({ name: "x".repeat(257) })).body).toEqual({ name: ["Ensure this field has no more than 256 characters."] });
    expect((await create({ name: "ok", firmware_binaries: [binaries[0], 999] })).body).toEqual({ firmware_binaries: ['Invalid pk "999" - object does not exist.'] });
    expect((await create({ name: "ok", firmware_binaries: ["abc"] })).body).toEqual({ firmware_binaries: ["Incorrect type. Expected pk value, received str."] });
    expect((await create({ name: "ok", firmware_binaries: "504" })).body).toEqual({ firmware_binaries: ['Expected a list of items but got type "str".'] });
    expect((await create({ name: "Dell R750 Production Q1 2026", firmware_binaries: [999] })).body).toEqual({
      name: ["firmware baseline with this name already exists."],
      firmware_binaries: ['Invalid pk "999" - object does not exist.'],
    });
  });

  it("lets the unique index decide between two concurrent creates of one name", async () => {
    const responses = await Promise.all([create({ name: "raced" }), create({ name: "raced" }, bob.token)]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 400]);
    expect(responses.find((r) => r.status === 400)!.body).toEqual({ name: ["firmware baseline with this name already exists."] });
  });

  it("sets created_by from the caller, ignoring one in the body; description and binaries are optional", async () => {
    const response = await create({ name: "bare", created_by: staff.id, id: 12345 }, bob.token);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ created_by: bob.id, description: "", firmware_binaries: [] });
    expect(response.body.id).not.toBe(12345);
  });
});

describe("GET /api/firmware_baseline/", () => {
  it("is a plain array of objects (newest first) for jq '.[] | {id, name, description}'", async () => {
    const older = await createNamed();
    const newer = await createNamed();
    const response = await api.request("GET", "/api/firmware_baseline/", { token: bob.token });
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body)).toBe(true);
    for (const baseline of response.body) expect(Object.keys(baseline)).toEqual(expect.arrayContaining(["id", "name", "description"]));
    const ids = response.body.map((b: { id: number }) => b.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(ids[0]).toBe(newer.id);
  });

  it("filters ?name= exactly and searches name and description", async () => {
    const byName = await api.request("GET", "/api/firmware_baseline/?name=Dell%20R750%20Production%20Q1%202026", { token: bob.token });
    expect(byName.body.map((b: { name: string }) => b.name)).toEqual(["Dell R750 Production Q1 2026"]);
    expect((await api.request("GET", "/api/firmware_baseline/?name=Dell%20R750", { token: bob.token })).body).toEqual([]);
    const search = await api.request("GET", "/api/firmware_baseline/?search=idrac%20perc", { token: bob.token });
    expect(search.body.map((b: { name: string }) => b.name)).toEqual(["Dell R750 Production Q1 2026"]);
  });

  it("returns the envelope when paginated", async () => {
    const response = await api.request("GET", "/api/firmware_baseline/?page_size=1", { token: bob.token });
    expect(Object.keys(response.body)).toEqual(["count", "next", "previous", "results"]);
    expect(response.body.results).toHaveLength(1);
    expect(response.body.next).toBe(`${api.baseUrl}/api/firmware_baseline/?page=2&page_size=1`);
  });

  it("retrieves one, or the model's 404", async () => {
    const baseline = await createNamed();
    const one = await api.request("GET", `/api/firmware_baseline/${baseline.id}/`, { token: bob.token });
    expect(one.body).toEqual(baseline);
    const missing = await api.request("GET", "/api/firmware_baseline/999999/", { token: bob.token });
    expect([missing.status, missing.body]).toEqual([404, { detail: "No FirmwareBaseline matches the given query." }]);
  });
});

describe("PATCH and PUT /api/firmware_baseline/{id}/", () => {
  it("changes only the sent fields; firmware_binaries replaces the set; updated_at moves", async () => {
    const baseline = await createNamed(alice.token, { description: "old", firmware_binaries: [binaries[0], binaries[1]] });
    const path = `/api/firmware_baseline/${baseline.id}/`;
    const described = await api.request("PATCH", path, { token: alice.token, json: { description: "Updated production baseline" } });
    expect(described.status).toBe(200);
    expect(described.body).toMatchObject({ name: baseline.name, description: "Updated production baseline", firmware_binaries: [binaries[0], binaries[1]] });
    expect(described.body.updated_at > baseline.updated_at).toBe(true);
    const replaced = await api.request("PATCH", path, { token: alice.token, json: { firmware_binaries: [binaries[2], binaries[3]] } });
    expect(replaced.body.firmware_binaries).toEqual([binaries[2], binaries[3]]);
    expect((await api.request("PATCH", path, { token: alice.token, json: {} })).status).toBe(200);
    const put = await api.request("PUT", path, { token: alice.token, json: { description: "no name" } });
    expect([put.status, put.body]).toEqual([400, { name: ["This field is required."] }]);
  });

  it("refuses another baseline's name but accepts its own", async () => {
    const baseline = await createNamed();
    const path = `/api/firmware_baseline/${baseline.id}/`;
    const taken = await api.request("PATCH", path, { token: alice.token, json: { name: "Dell R750 Production Q1 2026" } });
    expect([taken.status, taken.body]).toEqual([400, { name: ["firmware baseline with this name already exists."] }]);
    expect((await api.request("PUT", path, { token: alice.token, json: { name: baseline.name } })).status).toBe(200);
  });

  it("lets only the creator or staff change a baseline", async () => {
    const baseline = await createNamed(alice.token);
    const path = `/api/firmware_baseline/${baseline.id}/`;
    const forbidden = await api.request("PATCH", path, { token: bob.token, json: { description: "mine now" } });
    expect([forbidden.status, forbidden.body]).toEqual([403, { detail: "You do not have permission to perform this action." }]);
    expect((await api.request("PATCH", path, { token: staff.token, json: { description: "by staff" } })).body.description).toBe("by staff");
  });
});

describe("DELETE /api/firmware_baseline/{id}/", () => {
  it("is forbidden to other users, then 204 for the creator, leaving the binaries", async () => {
    const baseline = await createNamed(alice.token, { firmware_binaries: [binaries[0]] });
    const path = `/api/firmware_baseline/${baseline.id}/`;
    expect((await api.request("DELETE", path, { token: bob.token })).status).toBe(403);
    const deleted = await api.request("DELETE", path, { token: alice.token });
    expect([deleted.status, deleted.text]).toEqual([204, ""]);
    expect((await api.request("GET", path, { token: alice.token })).status).toBe(404);
    expect((await api.request("GET", `/api/firmware/${binaries[0]}/`, { token: alice.token })).status).toBe(200);
  });

  it("is allowed to staff for anyone's baseline", async () => {
    const baseline = await createNamed(bob.token);
    expect((await api.request("DELETE", `/api/firmware_baseline/${baseline.id}/`, { token: staff.token })).status).toBe(204);
  });
});
