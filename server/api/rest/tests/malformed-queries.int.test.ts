import { sql } from "drizzle-orm";
import type { OperationObject, ParameterObject } from "openapi3-ts/oas30";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "~/server/api/openapi";
import { createTestUser } from "~/server/testing/factories";
import { startTestApi, type TestApi } from "~/server/testing/api-server";

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = (await createTestUser(api.db, { isStaff: true })).token;
  // One object behind every detail route, so the detail routes reach their filters.
  await api.request("POST", "/api/pool/", { token: admin, json: { name: "malformed pool" } });
  await api.request("POST", "/api/firmware_baseline/", { token: admin, json: { name: "malformed baseline" } });
  await api.request("POST", "/api/node_discovery/scan_range/", { token: admin, json: { name: "r", ip_from: "127.0.0.1", ip_to: "127.0.0.2" } });
  await api.request("POST", "/api/node_discovery/auth_profile/", { token: admin, json: { node_classification: "x" } });
});
afterAll(() => api.close());

/** Every GET operation of the served document, with a path that names an existing object where there is one. */
async function getOperations(): Promise<Array<{ path: string; parameters: string[]; resolved: boolean }>> {
  const operations: Array<{ path: string; parameters: string[]; resolved: boolean }> = [];
  for (const [template, item] of Object.entries(openApiDocument().paths)) {
    const operation = (item as { get?: OperationObject }).get;
    if (!operation || template.startsWith("/api/schema")) continue;
    let path = template;
    let resolved = true;
    for (const name of template.match(/\{(\w+)\}/g) ?? []) {
      const collection = template.slice(0, template.indexOf(name));
      const listed = await api.request("GET", collection, { token: admin });
      const first = Array.isArray(listed.body) ? listed.body[0] : listed.body?.results?.[0];
      // Servers come from registration, not a POST: their detail routes can only be checked for "no 500".
      resolved &&= first !== undefined;
      path = path.replace(name, String(first?.id ?? 1));
    }
    const parameters = ((operation.parameters ?? []) as ParameterObject[]).filter((p) => p.in === "query").map((p) => p.name);
    operations.push({ path, parameters, resolved });
  }
  return operations;
}

describe("malformed query values never answer 500", () => {
  it("a NUL character in any query parameter is a 400 naming it (or ignored), on lists and detail routes", async () => {
    const failures: string[] = [];
    for (const { path, parameters } of await getOperations()) {
      for (const name of parameters) {
        const response = await api.request("GET", `${path}?${name}=a%00b`, { token: admin });
        if (response.status >= 500) failures.push(`${path}?${name}: ${response.status}`);
        if (response.status === 400 && name !== "search") expect(response.body).toEqual({ [name]: ["Null characters are not allowed."] });
      }
    }
    expect(failures).toEqual([]);
  });

  it("a page number past any integer is DRF's invalid page", async () => {
    for (const { path, parameters, resolved } of await getOperations()) {
      if (!parameters.includes("page")) continue;
      for (const page of ["9223372036854775808", "99999999999999999999999", "9007199254740993"]) {
        const response = await api.request("GET", `${path}?page=${page}`, { token: admin });
        if (resolved) expect([path, response.status, response.body]).toEqual([path, 404, { detail: "Invalid page." }]);
        else expect([path, response.status]).toEqual([path, 404]);
      }
    }
  });

  it("the filters named in the issue answer 400 with the field", async () => {
    for (const url of ["/api/users/?username=%00", "/api/groups/?name=%00", "/api/firmware/?manufacturer=%00", "/api/firmware/?model=%00", "/api/firmware_baseline/?name=%00", "/api/groups/1/?name=%00"]) {
      const response = await api.request("GET", url, { token: admin });
      expect([url, response.status]).toEqual([url, 400]);
    }
  });
});

describe("text ordering is linguistic, not byte order", () => {
  it("orders names case-insensitively with the id as tie-breaker", async () => {
    const names = ["Staging", "prod-linux", "Production Rack 5", "dev-lab", "alpha", "Beta"];
    for (const name of names) await api.request("POST", "/api/groups/", { token: admin, json: { name } });
    const ordered = await api.request("GET", "/api/groups/?ordering=name", { token: admin });
    const listed = (ordered.body.results as Array<{ name: string }>).map((group) => group.name).filter((name) => names.includes(name));
    expect(listed).toEqual(["alpha", "Beta", "dev-lab", "prod-linux", "Production Rack 5", "Staging"]);
    const descending = await api.request("GET", "/api/groups/?ordering=-name", { token: admin });
    // The embedded cluster has ICU: the collation is ICU's root, not a fallback.
    const [collation] = await api.db.execute<{ provider: string }>(sql`select collprovider as provider from pg_collation where collname = 'rackpilot_linguistic'`);
    expect(collation?.provider).toBe("i");
    expect((descending.body.results as Array<{ name: string }>).map((group) => group.name).filter((name) => names.includes(name))).toEqual([...listed].reverse());
  });
});
