import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { startTestApi, type TestApi } from "~/server/testing/api-server";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe("GET /api/schema/", () => {
  it("serves YAML by default, as drf-spectacular does", async () => {
    const response = await api.request("GET", "/api/schema/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.oai.openapi; charset=utf-8");
    expect(response.headers.get("vary")).toBe("Accept");
    const document = parse(response.text);
    expect(document.openapi).toMatch(/^3\.0\.\d$/);
    expect(Object.keys(document.paths)).toContain("/api/users/");
  });

  it("serves the same document as JSON on ?format=json and on both JSON Accept types", async () => {
    const yaml = parse((await api.request("GET", "/api/schema/")).text);
    const cases: [string, Record<string, string>, string][] = [
      ["/api/schema/?format=json", {}, "application/vnd.oai.openapi+json"],
      ["/api/schema/", { accept: "application/json" }, "application/json"],
      ["/api/schema/", { accept: "application/vnd.oai.openapi+json" }, "application/vnd.oai.openapi+json"],
      // Swagger UI's own request: the specific type beats the wildcard.
      ["/api/schema/", { accept: "application/json,*/*" }, "application/json"],
    ];
    for (const [path, headers, contentType] of cases) {
      const response = await api.request("GET", path, { headers });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toBe(contentType);
      expect(response.body).toEqual(yaml);
    }
  });

  it("answers YAML for ?format=yaml and a browser's Accept, 404 for an unknown format, 406 for an unmet Accept", async () => {
    expect((await api.request("GET", "/api/schema/?format=yaml")).headers.get("content-type")).toMatch(/^application\/vnd\.oai\.openapi;/);
    const browser = await api.request("GET", "/api/schema/", { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(browser.headers.get("content-type")).toMatch(/^application\/vnd\.oai\.openapi;/);
    const unknown = await api.request("GET", "/api/schema/?format=xml");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ detail: "Not found." });
    const unmet = await api.request("GET", "/api/schema/", { headers: { accept: "text/html" } });
    expect(unmet.status).toBe(406);
    expect(unmet.body).toEqual({ detail: "Could not satisfy the request Accept header." });
  });

  it("is public, answers HEAD without a body, and refuses writes with 405", async () => {
    const withBadToken = await api.request("GET", "/api/schema/?format=json", { token: "not-a-token" });
    expect(withBadToken.status).toBe(200);
    const head = await api.request("HEAD", "/api/schema/");
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    const post = await api.request("POST", "/api/schema/", { json: {} });
    expect(post.status).toBe(405);
    expect(post.body).toEqual({ detail: 'Method "POST" not allowed.' });
    expect(post.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("validates with swagger-parser, both as served YAML and as JSON", async () => {
    const yaml = parse((await api.request("GET", "/api/schema/")).text);
    await expect(SwaggerParser.validate(yaml)).resolves.toMatchObject({ openapi: "3.0.3" });
    const json = (await api.request("GET", "/api/schema/?format=json")).body;
    await expect(SwaggerParser.validate(json)).resolves.toMatchObject({ openapi: "3.0.3" });
  });
});
