import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { createScanRange } from "./create";

let api: TestApi;
let admin: string;
let user: string;
const BASE = "/api/node_discovery/scan_range/";

beforeAll(async () => {
  api = await startTestApi();
  admin = (await createTestUser(api.db, { isStaff: true })).token;
  user = (await createTestUser(api.db)).token;
});
afterAll(() => api.close());

const post = (json: unknown, token = admin) => api.request("POST", BASE, { token, json });
const patch = (id: number, json: unknown) => api.request("PATCH", `${BASE}${id}/`, { token: admin, json });
let counter = 0;
const range = (overrides: Record<string, unknown> = {}) => ({ name: `range ${++counter}`, ip_from: `127.9.${counter}.1`, ip_to: `127.9.${counter}.20`, ...overrides });

describe("the seed's scan range examples", () => {
  it("creates 'Data Center Rack 1' and reads it back by id, status ready", async () => {
    const created = await post({ name: "Data Center Rack 1", ip_from: "127.0.1.1", ip_to: "127.0.1.50", ports: [443] });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      name: "Data Center Rack 1",
      ip_from: "127.0.1.1",
      ip_to: "127.0.1.50",
      ports: [443],
      status: "ready",
      status_message: "",
      addresses_probed: null,
      addresses_total: null,
      last_scan_at: null,
      last_scan_found: null,
      created_at: expect.stringMatching(/Z$/),
      updated_at: expect.stringMatching(/Z$/),
    });
    const polled = await api.request("GET", `${BASE}${created.body.id}/`, { token: user });
    expect(polled.status).toBe(200);
    expect(polled.body).toEqual(created.body);

    const searched = await api.request("GET", `${BASE}?search=Rack+1`, { token: user });
    expect(searched.body.results.map((r: { id: number }) => r.id)).toEqual([created.body.id]);
  });

  it("creates the walkthrough's 'DC Rack 5' (a /24 minus network and broadcast)", async () => {
    const created = await post({ name: "DC Rack 5", ip_from: "127.50.5.1", ip_to: "127.50.5.254", ports: [443] });
    expect(created.status).toBe(201);
    expect(typeof created.body.id).toBe("number");
    expect((await api.request("GET", `${BASE}${created.body.id}`, { token: admin })).body.status).toBe("ready");
  });
});

describe("scan range fields", () => {
  it("defaults ports to [443], trims values and ignores read-only keys", async () => {
    const created = await post({ name: "  Defaults  ", ip_from: " 192.168.0.1", ip_to: "192.168.0.9 ", status: "scanning", last_scan_found: 7 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Defaults", ip_from: "192.168.0.1", ip_to: "192.168.0.9", ports: [443], status: "ready", last_scan_found: null });
  });

  it("reports required, blank, type and IPv4 errors per field", async () => {
    expect((await post({})).body).toEqual({ name: ["This field is required."], ip_from: ["This field is required."], ip_to: ["This field is required."] });
    const bad = await post({ name: "", ip_from: "127.0.1", ip_to: true });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ name: ["This field may not be blank."], ip_from: ["Enter a valid IPv4 address."], ip_to: ["Not a valid string."] });
    for (const address of ["::1", "127.0.0.256", "010.0.0.1", "host.example", " "]) {
      expect(Object.keys((await post(range({ ip_from: address }))).body)).toEqual(["ip_from"]);
    }
  });

  it("reports each bad port by its index, and empty, oversized or non-list values", async () => {
    const bad = await post(range({ ports: [0, "x", 8443, 70000, null, 1.5] }));
    expect(bad.body).toEqual({
      ports: {
        "0": ["Ensure this value is greater than or equal to 1."],
        "1": ["A valid integer is required."],
        "3": ["Ensure this value is less than or equal to 65535."],
        "4": ["This field may not be null."],
        "5": ["A valid integer is required."],
      },
    });
    expect((await post(range({ ports: [] }))).body).toEqual({ ports: ["This list may not be empty."] });
    expect((await post(range({ ports: "443" }))).body).toEqual({ ports: ['Expected a list of items but got type "str".'] });
    expect((await post(range({ ports: Array.from({ length: 33 }, (_, i) => i + 1) }))).body).toEqual({ ports: ["Ensure this field has no more than 32 elements."] });
    expect((await post(range({ ports: [443, 623, 443] }))).body).toEqual({ ports: ["Port 443 is listed more than once."] });
    expect((await post(range({ ports: [1, 65535] }))).status).toBe(201);
    // DRF's IntegerField reads numeric strings.
    expect((await post(range({ ports: ["623", 443] }))).body.ports).toEqual([623, 443]);
  });

  it("requires ip_from <= ip_to and at most 65,536 addresses", async () => {
    expect((await post(range({ ip_from: "127.0.0.10", ip_to: "127.0.0.9" }))).body).toEqual({ ip_to: ["Ensure this address is not lower than ip_from."] });
    // Numeric, not textual, comparison: "127.0.0.10" > "127.0.0.9" although it sorts before it as text.
    expect((await post(range({ ip_from: "127.0.0.9", ip_to: "127.0.0.10" }))).status).toBe(201);
    expect((await post(range({ ip_from: "127.1.0.0", ip_to: "127.1.255.255" }))).status).toBe(201);
    expect((await post(range({ ip_from: "127.2.0.0", ip_to: "127.3.0.0" }))).body).toEqual({
      ip_to: ["Ensure the range holds no more than 65536 addresses (this one holds 65537)."],
    });
    expect((await post(range({ ip_from: "127.4.4.4", ip_to: "127.4.4.4" }))).status).toBe(201);
  });

  it("refuses a second range with the same name, or the same addresses and ports", async () => {
    const first = await post({ name: "Unique", ip_from: "172.16.0.1", ip_to: "172.16.0.99", ports: [443, 8443] });
    expect(first.status).toBe(201);
    expect((await post({ name: "Unique", ip_from: "172.17.0.1", ip_to: "172.17.0.2" })).body).toEqual({ name: ["scan range with this name already exists."] });
    const sameSet = await post({ name: "Same set", ip_from: "172.16.0.1", ip_to: "172.16.0.99", ports: [8443, 443] });
    expect(sameSet.status).toBe(400);
    expect(sameSet.body).toEqual({ non_field_errors: ["The fields ip_from, ip_to, ports must make a unique set."] });
    expect((await post({ name: "Other ports", ip_from: "172.16.0.1", ip_to: "172.16.0.99", ports: [443] })).status).toBe(201);
  });

  it("turns a lost race for a name into the field error, never a 500", async () => {
    const system = (db: ServiceContext["db"]): ServiceContext => ({ actor: { kind: "system" }, db });
    let second: Promise<unknown> | undefined;
    await api.db.transaction(async (tx) => {
      await createScanRange({ ctx: system(tx), input: { name: "Raced", ip_from: "172.30.0.1", ip_to: "172.30.0.2" } });
      // The second writer cannot see the uncommitted first row, passes the name check and then waits on the unique index.
      second = createScanRange({ ctx: system(api.db), input: { name: "Raced", ip_from: "172.31.0.1", ip_to: "172.31.0.2" } }).catch((error) => error);
      await until(async () => (await api.db.execute(sql`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)).length > 0);
    });
    const lost = await second;
    expect(lost).toBeInstanceOf(ValidationError);
    expect((lost as ValidationError).body).toEqual({ name: ["scan range with this name already exists."] });
  });
});

describe("updating scan ranges", () => {
  it("PUT requires name, ip_from and ip_to; PATCH re-checks the merged range", async () => {
    const created = (await post(range({ ip_from: "127.20.0.1", ip_to: "127.20.0.10" }))).body;
    const put = await api.request("PUT", `${BASE}${created.id}/`, { token: admin, json: { name: "renamed" } });
    expect(put.body).toEqual({ ip_from: ["This field is required."], ip_to: ["This field is required."] });

    expect((await patch(created.id, { ip_to: "127.20.0.0" })).body).toEqual({ ip_to: ["Ensure this address is not lower than ip_from."] });
    const patched = await patch(created.id, { ports: [623, 443] });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: created.name, ip_from: "127.20.0.1", ip_to: "127.20.0.10", ports: [623, 443] });
    expect(patched.body.updated_at > created.updated_at).toBe(true);
    expect((await patch(created.id, { name: created.name })).status).toBe(200);
    expect((await patch(created.id, { name: "Data Center Rack 1" })).body).toEqual({ name: ["scan range with this name already exists."] });

    const replaced = await api.request("PUT", `${BASE}${created.id}/`, { token: admin, json: { name: "replaced", ip_from: "127.21.0.1", ip_to: "127.21.0.2" } });
    expect(replaced.body).toMatchObject({ name: "replaced", ip_from: "127.21.0.1", ip_to: "127.21.0.2", ports: [623, 443] });
  });

  it("404s for a missing scan range", async () => {
    for (const method of ["GET", "PATCH", "DELETE"]) {
      // The object is looked up before the body is read, as in DRF: a bad body to a missing id is still a 404.
      const response = await api.request(method, `${BASE}424242/`, { token: admin, json: method === "PATCH" ? { ip_from: "bad" } : undefined });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ detail: "No ScanRange matches the given query." });
    }
  });

  it("deletes with 204", async () => {
    const created = (await post(range())).body;
    const deleted = await api.request("DELETE", `${BASE}${created.id}/`, { token: admin });
    expect(deleted.status).toBe(204);
    expect((await api.request("GET", `${BASE}${created.id}/`, { token: admin })).status).toBe(404);
  });
});

describe("who may do what", () => {
  it("lets every signed-in user read but only staff write", async () => {
    const created = (await post(range())).body;
    expect((await api.request("GET", BASE, { token: user })).status).toBe(200);
    const forbidden = { detail: "You do not have permission to perform this action." };
    const attempts = [
      post(range(), user),
      api.request("PUT", `${BASE}${created.id}/`, { token: user, json: range() }),
      api.request("PATCH", `${BASE}${created.id}/`, { token: user, json: { name: "mine now" } }),
      api.request("DELETE", `${BASE}${created.id}/`, { token: user }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(response.body).toEqual(forbidden);
    }
    expect((await api.request("GET", `${BASE}${created.id}/`, { token: user })).body.name).toBe(created.name);
    expect((await post({}, user)).status).toBe(403);
    expect((await api.request("PATCH", `${BASE}424242/`, { token: user, json: { ip_from: "bad" } })).status).toBe(403);
    expect((await api.request("GET", BASE)).status).toBe(401);
  });
});

describe("listing scan ranges", () => {
  it("filters by status, orders addresses numerically and pages", async () => {
    const ready = await api.request("GET", `${BASE}?status=ready&page_size=2`, { token: user });
    expect(ready.body.count).toBeGreaterThan(2);
    expect(ready.body.results).toHaveLength(2);
    expect(ready.body.next).toContain("page=2");
    expect((await api.request("GET", `${BASE}?status=scanning`, { token: user })).body.count).toBe(0);
    expect((await api.request("GET", `${BASE}?status=done`, { token: user })).body).toEqual({
      status: ["Select a valid choice. done is not one of the available choices."],
    });

    const ordered = (await api.request("GET", `${BASE}?search=127.0.0.&ordering=ip_from`, { token: user })).body.results;
    expect(ordered.map((r: { ip_from: string }) => r.ip_from)).toEqual(["127.0.0.9"]);
    const byAddress = (await api.request("GET", `${BASE}?ordering=-ip_from`, { token: user })).body.results.map((r: { ip_from: string }) => r.ip_from);
    const numeric = [...byAddress].sort((a: string, b: string) => ipValue(b) - ipValue(a));
    expect(byAddress).toEqual(numeric);
    expect(byAddress).toContain("127.50.5.1");
  });
});

function ipValue(ip: string): number {
  return ip.split(".").reduce((total, octet) => total * 256 + Number(octet), 0);
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; !(await condition()); attempt++) {
    if (attempt > 200) throw new Error("condition never became true");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
