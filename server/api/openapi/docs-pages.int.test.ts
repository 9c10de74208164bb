import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "~/server/testing/api-server";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const CONTENT_TYPES: Record<string, RegExp> = {
  js: /^text\/javascript; charset=utf-8$/,
  css: /^text\/css; charset=utf-8$/,
  png: /^image\/png$/,
};

/** Every URL the page's markup loads (scripts, stylesheets, icons, the spec). */
const referencedUrls = (html: string) => [...html.matchAll(/\b(?:src|href|spec-url)="([^"]+)"/g)].map((m) => m[1]!);

async function expectLocalPage(path: string) {
  const page = await api.request("GET", path);
  expect(page.status).toBe(200);
  expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(page.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
  expect(page.text).not.toMatch(/https?:\/\//);
  const urls = referencedUrls(page.text);
  expect(urls.length).toBeGreaterThan(1);
  for (const url of urls) {
    expect(url, url).toMatch(/^\/api\/schema\//);
    const asset = await api.request("GET", url);
    expect(asset.status, url).toBe(200);
    const extension = new URL(url, api.baseUrl).pathname.split(".").pop()!;
    if (CONTENT_TYPES[extension]) expect(asset.headers.get("content-type"), url).toMatch(CONTENT_TYPES[extension]!);
  }
  return { html: page.text, urls };
}

describe("/api/schema/swagger-ui/", () => {
  it("serves Swagger UI from the installed swagger-ui-dist, with no remote URL", async () => {
    const { urls } = await expectLocalPage("/api/schema/swagger-ui/");
    expect(urls).toEqual(expect.arrayContaining(["/api/schema/swagger-ui/swagger-ui-bundle.js", "/api/schema/swagger-ui/swagger-ui.css"]));
    const bundle = await fetch(`${api.baseUrl}/api/schema/swagger-ui/swagger-ui-bundle.js`);
    const installed = readFileSync("node_modules/swagger-ui-dist/swagger-ui-bundle.js");
    expect(Buffer.from(await bundle.arrayBuffer()).equals(installed)).toBe(true);
  });

  it("configures Swagger UI to load the JSON schema, keep the bearer token and skip the remote validator", async () => {
    const script = await api.request("GET", "/api/schema/swagger-ui/swagger-initializer.js");
    expect(script.status).toBe(200);
    expect(script.text).toContain('"url":"/api/schema/?format=json"');
    expect(script.text).toContain('"persistAuthorization":true');
    expect(script.text).toContain('"validatorUrl":null');
  });

  it("answers without the trailing slash too, and HEAD without a body", async () => {
    expect((await api.request("GET", "/api/schema/swagger-ui")).status).toBe(200);
    const head = await api.request("HEAD", "/api/schema/swagger-ui/swagger-ui.css");
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
  });
});

describe("/api/schema/redoc/", () => {
  it("serves Redoc's standalone bundle from the installed redoc package, pointed at the JSON schema", async () => {
    const { urls } = await expectLocalPage("/api/schema/redoc/");
    expect(urls).toEqual(["/api/schema/?format=json", "/api/schema/redoc/redoc.standalone.js"]);
    const bundle = await api.request("GET", "/api/schema/redoc/redoc.standalone.js");
    expect(bundle.text.length).toBe(readFileSync("node_modules/redoc/bundles/redoc.standalone.js", "utf8").length);
  });
});

describe("files the docs pages do not use", () => {
  it("are 404 with DRF's body, including other pages' files and escapes from the package", async () => {
    for (const path of [
      "/api/schema/swagger-ui/nope.js",
      "/api/schema/redoc/swagger-ui-bundle.js",
      "/api/schema/swagger-ui/index.html",
      "/api/schema/swagger-ui/..%2Fpackage.json",
      "/api/schema/redoc/constructor",
    ]) {
      const response = await api.request("GET", path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).toEqual({ detail: "Not found." });
    }
  });

  it("refuses writes to the pages with 405", async () => {
    const response = await api.request("DELETE", "/api/schema/redoc/");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});
