import type { AnyTRPCProcedure } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { appRouter } from "../root";
import type { ProcedureMeta } from "../trpc";
import { restPath } from "./finish-document";

type Json = Record<string, any>;
type Operation = { method: string; path: string; operation: Json };

let api: TestApi;
let document: Json;
let operations: Operation[];
beforeAll(async () => {
  api = await startTestApi();
  document = (await api.request("GET", "/api/schema/?format=json")).body;
  operations = Object.entries(document.paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation: operation as Json })),
  );
});
afterAll(() => api.close());

const find = (method: string, path: string) => operations.find((o) => o.method === method && o.path === path)?.operation;
const isPublic = (operation: Json) => Array.isArray(operation.security) && operation.security.length === 0;
const successStatuses = (operation: Json) => Object.keys(operation.responses).filter((status) => status.startsWith("2"));

/** Every property name a schema can produce, following $refs into the components. */
function propertyNames(schema: unknown, seen = new Set<string>()): string[] {
  if (!schema || typeof schema !== "object") return [];
  const node = schema as Json;
  if (typeof node.$ref === "string") {
    if (seen.has(node.$ref)) return [];
    seen.add(node.$ref);
    return propertyNames(document.components.schemas[node.$ref.split("/").pop()!], seen);
  }
  const own = Object.keys(node.properties ?? {});
  const children = [...Object.values(node.properties ?? {}), node.items, node.additionalProperties, ...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
  return [...own, ...children.flatMap((child) => propertyNames(child, seen))];
}

describe("the OpenAPI document", () => {
  it("documents every REST procedure (plus the schema view), at its DRF path with the trailing slash", () => {
    const procedures = Object.values(appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>)
      .map((procedure) => (procedure._def.meta as ProcedureMeta | undefined)?.openapi)
      .filter((openapi) => openapi !== undefined);
    expect(procedures.length).toBeGreaterThan(10);
    for (const { method, path } of procedures) expect(find(method, restPath(path)), `${method} ${path}`).toBeDefined();
    expect(operations).toHaveLength(procedures.length + 1);
    for (const { path } of operations) expect(path).toMatch(/^\/api\/(.+\/)?$/);
    expect(document.servers).toBeUndefined();
  });

  it("gives every operation one 2xx response: a JSON schema, or no body for 204", () => {
    for (const { method, path, operation } of operations) {
      const [status, ...more] = successStatuses(operation);
      expect(more, `${method} ${path}`).toEqual([]);
      const response = operation.responses[status!];
      if (status === "204") expect(response.content).toBeUndefined();
      else expect(Object.keys(Object.values(response.content as Json)[0].schema), `${method} ${path}`).not.toEqual([]);
    }
  });

  it("uses DRF error bodies, and documents 401/403 on every protected operation and 404 on every detail route", () => {
    expect(Object.keys(document.components.schemas).filter((name) => name.startsWith("error."))).toEqual([]);
    expect(document.components.schemas.FieldErrors.additionalProperties).toEqual({ type: "array", items: { type: "string" } });
    expect(document.components.schemas.ErrorDetail).toMatchObject({ properties: { detail: { type: "string" } }, required: ["detail"] });
    for (const { method, path, operation } of operations) {
      const label = `${method} ${path}`;
      for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
        if (Number(status) < 400) continue;
        const ref = response.content["application/json"].schema.$ref;
        expect(ref, `${label} ${status}`).toBe(status === "400" ? "#/components/schemas/FieldErrors" : "#/components/schemas/ErrorDetail");
      }
      expect(operation.responses["500"], label).toBeUndefined();
      if (!isPublic(operation)) expect(Object.keys(operation.responses), label).toEqual(expect.arrayContaining(["401", "403"]));
      if (operation.requestBody) expect(operation.responses["400"], label).toBeDefined();
      if (path.includes("{")) expect(operation.responses["404"], label).toBeDefined();
    }
  });

  it("requires the JWT bearer scheme by default; only the token endpoints and the schema are public", () => {
    expect(document.components.securitySchemes).toEqual({ jwtAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } });
    expect(document.security).toEqual([{ jwtAuth: [] }]);
    expect(operations.filter((o) => isPublic(o.operation)).map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      "GET /api/schema/",
      "POST /api/token/",
      "POST /api/token/refresh/",
    ]);
    for (const { operation } of operations) if (!isPublic(operation)) expect(operation.security).toBeUndefined();
    const token = find("POST", "/api/token/")!;
    expect(token.responses["429"].headers["Retry-After"]).toBeDefined();
    expect(token.responses["401"]).toBeDefined();
  });

  it("documents list parameters as described query parameters, and PATCH bodies with nothing required", () => {
    const lists = operations.filter((o) => o.method === "GET" && o.operation.parameters?.some((p: Json) => p.name === "page"));
    expect(lists.map((o) => o.path)).toEqual(expect.arrayContaining(["/api/users/", "/api/groups/"]));
    for (const { path, operation } of lists) {
      const names = operation.parameters.map((p: Json) => p.name);
      expect(names, path).toEqual(expect.arrayContaining(["search", "ordering", "page", "page_size"]));
      expect(operation.responses["404"].description, path).toMatch(/Invalid page$/);
    }
    for (const { method, path, operation } of operations) {
      for (const parameter of operation.parameters ?? []) expect(parameter.description, `${method} ${path} ${parameter.name}`).toMatch(/\S/);
      if (method === "PATCH") expect(operation.requestBody.content["application/json"].schema.required, path).toBeUndefined();
    }
    const users = find("GET", "/api/users/")!;
    const pageSize = users.parameters.find((p: Json) => p.name === "page_size");
    expect(pageSize).toMatchObject({ in: "query", description: expect.stringContaining("per page") });
    expect(pageSize.required).not.toBe(true);
    expect(users.parameters.map((p: Json) => p.name)).toEqual(expect.arrayContaining(["is_staff", "groups"]));
  });

  it("answers creates with 201, deletes with 204 and everything else with 200", () => {
    expect(successStatuses(find("POST", "/api/users/")!)).toEqual(["201"]);
    expect(find("POST", "/api/users/")!.responses["201"].content["application/json"].schema.properties.username).toBeDefined();
    expect(successStatuses(find("DELETE", "/api/users/{id}/")!)).toEqual(["204"]);
    expect(successStatuses(find("PATCH", "/api/groups/{id}/")!)).toEqual(["200"]);
    expect(successStatuses(find("POST", "/api/token/")!)).toEqual(["200"]);
  });

  it("has no secret in any response schema (request bodies may take a password)", () => {
    const secret = /passw|ciphertext|secret|(^|_)hash$|Hash$|private_?key/i;
    for (const { method, path, operation } of operations) {
      for (const response of Object.values(operation.responses as Record<string, Json>)) {
        for (const media of Object.values((response.content ?? {}) as Record<string, Json>)) {
          expect(propertyNames(media.schema).filter((name) => secret.test(name)), `${method} ${path}`).toEqual([]);
        }
      }
    }
    expect(propertyNames(find("POST", "/api/users/")!.requestBody.content["application/json"].schema)).toContain("password");
  });

  it("drops zod's safe-integer bounds", () => {
    expect(JSON.stringify(document)).not.toContain(String(Number.MAX_SAFE_INTEGER));
  });
});
