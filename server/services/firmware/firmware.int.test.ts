import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { insertFirmwareBinary } from "./test-factories";

let api: TestApi;
let staff: { token: string };
let user: { token: string };
const ids: Record<string, number> = {};

beforeAll(async () => {
  api = await startTestApi();
  staff = await createTestUser(api.db, { isStaff: true });
  user = await createTestUser(api.db);
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 11, 11, minute));
  ids.bios = (await insertFirmwareBinary(api.db, { name: "R750 BIOS", version: "1.12.2", size: 300, createdAt: at(1) })).id;
  ids.idrac = (await insertFirmwareBinary(api.db, { name: "iDRAC 9", firmwareType: "bmc", version: "6.10.80.00", size: 100, createdAt: at(2) })).id;
  ids.perc = (await insertFirmwareBinary(api.db, { name: "PERC H755", firmwareType: "storage_controller", version: "25.5.9.0001", size: 200, createdAt: at(3) })).id;
  ids.ilo = (await insertFirmwareBinary(api.db, {
    name: "iLO 5",
    firmwareType: "bmc",
    version: "2.72",
    manufacturer: "HPE",
    models: ["ProLiant DL380 Gen10 Plus"],
    size: 400,
    createdAt: at(4),
  })).id;
});
afterAll(() => api.close());

const get = (path: string, token = user.token) => api.request("GET", path, { token });
const idsOf = (body: Array<{ id: number }>) => body.map((binary) => binary.id);

describe("GET /api/firmware/", () => {
  it("is a plain array, newest first, with the fields MOJO's jq filter picks", async () => {
    const response = await get("/api/firmware/");
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body)).toBe(true);
    expect(idsOf(response.body)).toEqual([ids.ilo, ids.perc, ids.idrac, ids.bios]);
    // jq '.[] | {id, firmware_type, version, manufacturer, models}'
    const picked = response.body.map(({ id, firmware_type, version, manufacturer, models }: Record<string, unknown>) => ({ id, firmware_type, version, manufacturer, models }));
    expect(picked[0]).toEqual({ id: ids.ilo, firmware_type: "bmc", version: "2.72", manufacturer: "HPE", models: ["ProLiant DL380 Gen10 Plus"] });
    expect(response.body[0].type).toBe("bmc");
  });

  it("returns the DRF envelope when page or page_size is given", async () => {
    const response = await get("/api/firmware/?page_size=3");
    expect(response.body).toMatchObject({ count: 4, previous: null, next: `${api.baseUrl}/api/firmware/?page=2&page_size=3` });
    expect(idsOf(response.body.results)).toEqual([ids.ilo, ids.perc, ids.idrac]);
    const last = await get("/api/firmware/?page=2&page_size=3");
    expect(idsOf(last.body.results)).toEqual([ids.bios]);
  });

  it("filters firmware_type ignoring case, and refuses a value that is no choice", async () => {
    expect(idsOf((await get("/api/firmware/?firmware_type=BIOS")).body)).toEqual([ids.bios]);
    expect(idsOf((await get("/api/firmware/?firmware_type=bmc")).body)).toEqual([ids.ilo, ids.idrac]);
    const wrong = await get("/api/firmware/?firmware_type=toaster");
    expect([wrong.status, wrong.body]).toEqual([400, { firmware_type: ["Select a valid choice. toaster is not one of the available choices."] }]);
  });

  it("filters manufacturer (exact, ignoring case) and model (one of the binary's models)", async () => {
    expect(idsOf((await get("/api/firmware/?manufacturer=hpe")).body)).toEqual([ids.ilo]);
    expect((await get("/api/firmware/?manufacturer=HP")).body).toEqual([]);
    expect(idsOf((await get("/api/firmware/?model=ProLiant%20DL380%20Gen10%20Plus")).body)).toEqual([ids.ilo]);
    expect(idsOf((await get("/api/firmware/?model=poweredge%20r750&firmware_type=bmc")).body)).toEqual([ids.idrac]);
    expect((await get("/api/firmware/?model=PowerEdge")).body).toEqual([]);
  });

  it("searches name, version and manufacturer, and orders by the allowed fields", async () => {
    expect(idsOf((await get("/api/firmware/?search=idrac")).body)).toEqual([ids.idrac]);
    expect(idsOf((await get("/api/firmware/?search=25.5.9")).body)).toEqual([ids.perc]);
    expect(idsOf((await get("/api/firmware/?search=dell%20bios")).body)).toEqual([ids.bios]);
    expect(idsOf((await get("/api/firmware/?ordering=size")).body)).toEqual([ids.idrac, ids.perc, ids.bios, ids.ilo]);
    expect(idsOf((await get("/api/firmware/?ordering=-firmware_type,-size")).body)).toEqual([ids.perc, ids.ilo, ids.idrac, ids.bios]);
  });

  it("needs a token", async () => {
    const response = await api.request("GET", "/api/firmware/");
    expect([response.status, response.body]).toEqual([401, { detail: "Authentication credentials were not provided." }]);
  });
});

describe("GET /api/firmware/{id}/", () => {
  it("returns one binary to any user, or the model's 404", async () => {
    expect((await get(`/api/firmware/${ids.perc}/`)).body).toMatchObject({ id: ids.perc, firmware_type: "storage_controller", type: "storage_controller" });
    const missing = await get("/api/firmware/999999/");
    expect([missing.status, missing.body]).toEqual([404, { detail: "No FirmwareBinary matches the given query." }]);
  });
});

describe("PUT and PATCH /api/firmware/{id}/", () => {
  it("lets staff change the descriptive fields but never the file", async () => {
    const row = await insertFirmwareBinary(api.db, { name: "to edit" });
    const patched = await api.request("PATCH", `/api/firmware/${row.id}/`, {
      token: staff.token,
      json: { version: "1.13.0", models: ["PowerEdge R760"], location: "http://127.0.0.1:9/other.bin", checksum: "0".repeat(64), size: 1 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ version: "1.13.0", models: ["PowerEdge R760"], location: row.location, checksum: row.checksum, size: row.size });
    const put = await api.request("PUT", `/api/firmware/${row.id}/`, { token: staff.token, json: { name: "renamed" } });
    expect([put.status, put.body]).toEqual([400, { firmware_type: ["This field is required."], version: ["This field is required."], manufacturer: ["This field is required."] }]);
  });

  it("is forbidden to a non-staff user", async () => {
    const response = await api.request("PATCH", `/api/firmware/${ids.bios}/`, { token: user.token, json: { version: "6.6.6" } });
    expect([response.status, response.body]).toEqual([403, { detail: "You do not have permission to perform this action." }]);
    expect((await get(`/api/firmware/${ids.bios}/`)).body.version).toBe("1.12.2");
    // DRF checks permissions before it looks up the object or reads the body.
    expect((await api.request("PATCH", "/api/firmware/999999/", { token: user.token, json: { version: 5 } })).status).toBe(403);
    expect((await api.request("POST", "/api/firmware/", { token: user.token, json: {} })).status).toBe(403);
  });
});

describe("DELETE /api/firmware/{id}/", () => {
  it("refuses while baselines use the binary, naming them", async () => {
    const row = await insertFirmwareBinary(api.db);
    for (const name of ["Dell R750 Production Q1 2026", "Dell R750 Canary"]) {
      const created = await api.request("POST", "/api/firmware_baseline/", { token: staff.token, json: { name, firmware_binaries: [row.id] } });
      expect(created.status).toBe(201);
    }
    const refused = await api.request("DELETE", `/api/firmware/${row.id}/`, { token: staff.token });
    expect([refused.status, refused.body]).toEqual([400, { detail: `Firmware binary ${row.id} is used by baselines: Dell R750 Canary, Dell R750 Production Q1 2026.` }]);
    expect((await get(`/api/firmware/${row.id}/`)).status).toBe(200);
  });

  it("is staff-only, then 204 and gone", async () => {
    const row = await insertFirmwareBinary(api.db);
    expect((await api.request("DELETE", `/api/firmware/${row.id}/`, { token: user.token })).status).toBe(403);
    const deleted = await api.request("DELETE", `/api/firmware/${row.id}/`, { token: staff.token });
    expect([deleted.status, deleted.text]).toEqual([204, ""]);
    expect((await get(`/api/firmware/${row.id}/`)).status).toBe(404);
  });
});
