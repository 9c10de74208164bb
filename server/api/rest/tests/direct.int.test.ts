import { createHash, randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client";
import { useFreshDatabase } from "~/db/testing/database";
import { storedFileLocation } from "~/server/services/firmware/storage";
import { createTestUser } from "~/server/testing/factories";
import { httpRequest } from "~/server/testing/node-http";
import { isRestRequest, sendStoredFile, serveRestRequest } from "../direct";
import { handleApiRequest } from "../handler";

let server: http.Server;
let base: string;
let drop: () => Promise<void>;
let token: string;

beforeAll(async () => {
  ({ drop } = await useFreshDatabase());
  token = (await createTestUser(getDb(), { isStaff: true })).token;
  server = http.createServer((req, res) => void serveRestRequest(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await drop();
});

const call = (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
  httpRequest(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers }, body });

describe("isRestRequest", () => {
  it("takes everything under /api/ but Next's tRPC and next-auth routes", () => {
    for (const url of ["/api/pool/", "/api/pool", "/api/pool/?search=x", "/api/schema/", "/api/token/", "/api/trpcx/", "/api/authority/"]) expect(isRestRequest(url), url).toBe(true);
    for (const url of ["/api/trpc/pools.list?batch=1", "/api/trpc", "/api/auth/session", "/api/auth", "/api", "/pools", "/login", undefined]) expect(isRestRequest(url), url).toBe(false);
  });
});

describe("serveRestRequest", () => {
  it("answers like the catch-all route: statuses, JSON bodies, empty 204s and HEAD", async () => {
    const created = await call("POST", "/api/pool/", JSON.stringify({ name: "direct" }));
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toBe("application/json");
    // The headers Next adds to every response, as next.config.mjs lists them.
    expect(created.headers.get("x-content-type-options")).toBe("nosniff");
    expect(created.headers.get("x-frame-options")).toBe("DENY");
    expect(created.headers.get("referrer-policy")).toBe("same-origin");
    const id = JSON.parse(created.text).id;
    const listed = await call("GET", "/api/pool/?search=direct");
    expect(JSON.parse(listed.text)).toMatchObject({ count: 1, results: [{ id, name: "direct" }] });
    const head = await call("HEAD", `/api/pool/${id}`);
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    const deleted = await call("DELETE", `/api/pool/${id}/`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
  });

  it("streams a request body to the handler, and its errors come back as DRF bodies", async () => {
    const description = "x".repeat(900_000); // many chunks, under the 1 MiB body limit
    const created = await call("POST", "/api/pool/", JSON.stringify({ name: "big", description }));
    expect(created.status).toBe(201);
    expect(JSON.parse(created.text).description).toHaveLength(description.length);
    expect((await call("POST", "/api/pool/", JSON.stringify({ name: "too big", description: "x".repeat(1_100_000) }))).status).toBe(413);
    const malformed = await call("POST", "/api/pool/", "{");
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.text).detail).toMatch(/^JSON parse error/);
    expect((await call("GET", "/api/pool/", undefined, { authorization: "" })).status).toBe(401);
  });

  it("writes a procedure's JSON answer byte for byte as the catch-all route's Response carries it", async () => {
    for (const name of ["answer ü €", 'answer \u2028 "quoted"']) expect((await call("POST", "/api/pool/", JSON.stringify({ name }))).status).toBe(201);
    const path = "/api/pool/?search=answer&ordering=-name&page=1&page_size=1";
    const direct = await call("GET", path);
    const routed = await handleApiRequest(new Request(`${base}${path}`, { headers: { authorization: `Bearer ${token}`, host: new URL(base).host } }));
    expect(direct.status).toBe(routed.status);
    expect(direct.headers.get("content-type")).toBe(routed.headers.get("content-type"));
    expect(Buffer.byteLength(direct.text)).toBe(Number(direct.headers.get("content-length")));
    expect(direct.text).toBe(await routed.text());
    expect(JSON.parse(direct.text)).toMatchObject({ count: 2, next: expect.stringContaining("page=2"), results: [{ name: "answer ü €" }] });
  });

  it("sends a stored file from disk with the headers, ranges and errors of the catch-all route", async () => {
    const bytes = randomBytes(200_000); // several read chunks
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await mkdir(path.dirname(storedFileLocation(sha256)), { recursive: true });
    await writeFile(storedFileLocation(sha256), bytes);
    try {
      const file = `/api/firmware/files/${sha256}/BIOS%20R750.exe`;
      const routed = async (method: string, headers: Record<string, string> = {}) => {
        const response = await handleApiRequest(new Request(`${base}${file}`, { method, headers }));
        return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
      };
      const sent = async (method: string, headers: Record<string, string> = {}) => {
        const response = await fetch(`${base}${file}`, { method, headers });
        return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
      };
      const sameHeaders = ["content-type", "content-disposition", "content-length", "content-range", "accept-ranges", "etag", "cache-control"];
      for (const [method, headers] of [["GET", {}], ["HEAD", {}], ["GET", { range: "bytes=100-199" }], ["GET", { range: "bytes=-10" }], ["GET", { range: `bytes=${bytes.length}-` }]] as const) {
        const [direct, route] = [await sent(method, headers), await routed(method, headers)];
        expect(direct.status, `${method} ${JSON.stringify(headers)}`).toBe(route.status);
        for (const name of sameHeaders) expect(direct.headers.get(name), name).toBe(route.headers.get(name));
        expect(direct.headers.get("x-content-type-options")).toBe("nosniff");
        expect(direct.body.equals(route.body)).toBe(true);
      }
      const whole = await sent("GET");
      expect([whole.status, whole.headers.get("content-disposition"), whole.body.equals(bytes)]).toEqual([200, 'attachment; filename="BIOS_R750.exe"', true]);
      const part = await sent("GET", { range: "bytes=100-199" });
      expect([part.status, part.headers.get("content-range"), part.body.equals(bytes.subarray(100, 200))]).toEqual([206, `bytes 100-199/${bytes.length}`, true]);
      expect((await sent("POST")).status).toBe(405);
      // The file itself is sent without the REST handler; anything else is left to it.
      const own = http.createServer(async (req, res) => (await sendStoredFile(req, res)) || res.writeHead(599).end());
      await new Promise<void>((resolve) => own.listen(0, "127.0.0.1", resolve));
      const ownBase = `http://127.0.0.1:${(own.address() as AddressInfo).port}`;
      try {
        const statuses = async (method: string, route: string) => (await fetch(`${ownBase}${route}`, { method })).status;
        expect(await statuses("GET", file)).toBe(200);
        expect(await statuses("HEAD", `${file}?download=1`)).toBe(200);
        expect(await statuses("POST", file)).toBe(599);
        expect(await statuses("GET", `/api/firmware/files/${"0".repeat(64)}/x.bin`)).toBe(599);
        expect(await statuses("GET", file.replace("/api", ""))).toBe(599);
      } finally {
        own.closeAllConnections();
        await new Promise((resolve) => own.close(resolve));
      }
    } finally {
      await rm(storedFileLocation(sha256), { force: true });
    }
    const missing = await call("GET", `/api/firmware/files/${sha256}/x.bin`);
    expect([missing.status, JSON.parse(missing.text)]).toEqual([404, { detail: "Not found." }]);
  });
});
