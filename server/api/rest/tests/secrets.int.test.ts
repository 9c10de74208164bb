import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiResponse, startTestApi, type TestApi } from "~/server/testing/api-server";
import { captureConsole } from "~/server/testing/console-capture";
import { createTestUser } from "~/server/testing/factories";

let api: TestApi;
let adminToken: string;
let console_: ReturnType<typeof captureConsole>;
const responses: ApiResponse[] = [];
const PASSWORDS = ["first-Secret-pw-1", "form-Secret-pw-2", "patched-Secret-pw-3", "wrong-Secret-pw-4", "doomed-Secret-pw-5"];

beforeAll(async () => {
  console_ = captureConsole();
  api = await startTestApi();
  adminToken = (await createTestUser(api.db, { username: "secrets-admin", isStaff: true })).token;
});
afterAll(async () => {
  console_.restore();
  await api.close();
});

async function call(method: string, path: string, options: Parameters<TestApi["request"]>[2] = {}) {
  const response = await api.request(method, path, options);
  responses.push(response);
  return response;
}

describe("users and tokens never reveal a password or its hash", () => {
  let userId: number;

  it("creates users from JSON and from a form", async () => {
    const created = await call("POST", "/api/users/", { token: adminToken, json: { username: "keeper", password: PASSWORDS[0] } });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty("password");
    userId = created.body.id;
    const form = await call("POST", "/api/users/", {
      token: adminToken,
      body: `username=form-keeper&password=${PASSWORDS[1]}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(201);
  });

  it("logs in, refreshes and reads users", async () => {
    const pair = await call("POST", "/api/token/", { json: { username: "keeper", password: PASSWORDS[0] } });
    expect(pair.status).toBe(200);
    expect((await call("POST", "/api/token/refresh/", { json: { refresh: pair.body.refresh } })).status).toBe(200);
    expect((await call("GET", "/api/users/me/", { token: pair.body.access })).status).toBe(200);
    expect((await call("GET", "/api/users/", { token: adminToken })).status).toBe(200);
    expect((await call("GET", `/api/users/${userId}/`, { token: adminToken })).status).toBe(200);
  });

  it("changes a password through PATCH and PUT: the old one stops working", async () => {
    expect((await call("PATCH", `/api/users/${userId}/`, { token: adminToken, json: { password: PASSWORDS[2] } })).status).toBe(200);
    expect((await call("POST", "/api/token/", { json: { username: "keeper", password: PASSWORDS[0] } })).status).toBe(401);
    expect((await call("POST", "/api/token/", { json: { username: "keeper", password: PASSWORDS[2] } })).status).toBe(200);
    expect((await call("PUT", `/api/users/${userId}/`, { token: adminToken, json: { username: "keeper", password: PASSWORDS[2] } })).status).toBe(200);
  });

  it("refuses bad passwords without echoing them", async () => {
    expect((await call("POST", "/api/token/", { json: { username: "keeper", password: PASSWORDS[3] } })).status).toBe(401);
    const short = await call("PATCH", `/api/users/${userId}/`, { token: adminToken, json: { password: "short" } });
    expect(short.body).toEqual({ password: ["This password is too short. It must contain at least 8 characters."] });
    const listed = await call("PATCH", `/api/users/${userId}/`, { token: adminToken, json: { password: [PASSWORDS[3]] } });
    expect(listed.body).toEqual({ password: ["Not a valid string."] });
  });

  it("answers a failing insert with an opaque 500 and logs it without the query's values", async () => {
    await api.db.execute(sql`alter table users add constraint no_doomed_users check (username <> 'doomed')`);
    const response = await call("POST", "/api/users/", { token: adminToken, json: { username: "doomed", password: PASSWORDS[4] } });
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ detail: "Internal server error." });
    const logged = console_.lines.join("\n");
    expect(logged).toContain("REST request failed: POST /api/users/");
    expect(logged).toContain("no_doomed_users");
  });

  it("put no password, hash or hash field in any response", () => {
    expect(responses.length).toBeGreaterThan(10);
    for (const response of responses) {
      for (const password of PASSWORDS) expect(response.text).not.toContain(password);
      expect(response.text).not.toContain("$argon2");
      expect(response.text).not.toMatch(/password_hash|passwordHash/);
    }
  });

  it("put no password or hash in any console line", () => {
    for (const line of console_.lines) {
      for (const password of PASSWORDS) expect(line).not.toContain(password);
      expect(line).not.toContain("$argon2");
    }
  });
});
