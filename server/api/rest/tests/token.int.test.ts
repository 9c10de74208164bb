import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { decodeJwt, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { users } from "~/db/schema";
import { deriveKey } from "~/server/auth/keys";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

// This file fails logins on purpose; the throttle is proven in throttle.int.test.ts.
vi.hoisted(() => {
  process.env.RACKPILOT_LOGIN_FAILURE_LIMIT = "1000";
});

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const obtain = (json: unknown, headers?: Record<string, string>) => api.request("POST", "/api/token/", { json, headers });
const refresh = (json: unknown, headers?: Record<string, string>) => api.request("POST", "/api/token/refresh/", { json, headers });
const noAccount = { detail: "No active account found with the given credentials" };

function expectChallenge(response: { status: number; headers: Headers }) {
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toBe('Bearer realm="api"');
}

describe("POST /api/token/", () => {
  it("returns a token pair that authenticates /api/users/me/", async () => {
    const user = await createTestUser(api.db, { username: "alice", password: "s3cret-password" });
    const token = await obtain({ username: "alice", password: "s3cret-password" });
    expect(token.status).toBe(200);
    expect(Object.keys(token.body).sort()).toEqual(["access", "refresh"]);
    const me = await api.request("GET", "/api/users/me/", { token: token.body.access });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: user.id, username: "alice", is_staff: false, groups: [1] });
    expect(me.text).not.toMatch(/password|argon2/);
  });

  it("issues SimpleJWT's claims: 24 hour access, 7 day refresh, and records the login", async () => {
    const user = await createTestUser(api.db, { username: "claims" });
    const { body } = await obtain({ username: "claims", password: user.password });
    const access = decodeJwt(body.access);
    const refreshClaims = decodeJwt(body.refresh);
    expect(access).toEqual({ token_type: "access", user_id: user.id, jti: expect.stringMatching(/^[0-9a-f]{32}$/), iat: expect.any(Number), exp: access.iat! + 24 * 3600 });
    expect(refreshClaims).toMatchObject({ token_type: "refresh", user_id: user.id, exp: refreshClaims.iat! + 7 * 24 * 3600 });
    expect(refreshClaims.jti).not.toBe(access.jti);
    const [row] = await api.db.select({ lastLogin: users.lastLogin }).from(users).where(eq(users.id, user.id));
    expect(row!.lastLogin).not.toBeNull();
  });

  it("answers a wrong password or an unknown user with 401 and no account", async () => {
    await createTestUser(api.db, { username: "wrong-pw" });
    for (const json of [{ username: "wrong-pw", password: "not-the-password" }, { username: "nobody-at-all", password: "whatever" }]) {
      const response = await obtain(json);
      expectChallenge(response);
      expect(response.body).toEqual(noAccount);
    }
  });

  it("refuses an inactive user even with the right password", async () => {
    const user = await createTestUser(api.db, { username: "inactive", isActive: false });
    const response = await obtain({ username: "inactive", password: user.password });
    expectChallenge(response);
    expect(response.body).toEqual(noAccount);
  });

  it("answers missing or blank fields with 400 field errors", async () => {
    const missing = await obtain({});
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ username: ["This field is required."], password: ["This field is required."] });
    const blank = await obtain({ username: "", password: "x" });
    expect(blank.body).toEqual({ username: ["This field may not be blank."] });
  });

  it("ignores any Authorization header", async () => {
    const user = await createTestUser(api.db, { username: "header-ignored" });
    for (const authorization of ["Bearer a b c", "Bearer not-a-token", "Basic Zm9vOmJhcg=="]) {
      const response = await obtain({ username: "header-ignored", password: user.password }, { authorization });
      expect(response.status).toBe(200);
    }
  });
});

describe("POST /api/token/refresh/", () => {
  let user: Awaited<ReturnType<typeof createTestUser>>;
  let pair: { access: string; refresh: string };
  beforeAll(async () => {
    user = await createTestUser(api.db, { username: "refresher" });
    pair = (await obtain({ username: "refresher", password: user.password })).body;
  });

  it("returns a new access token only (no rotation by default), which works", async () => {
    const response = await refresh({ refresh: pair.refresh });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual(["access"]);
    expect(decodeJwt(response.body.access)).toMatchObject({ token_type: "access", user_id: user.id });
    expect((await api.request("GET", "/api/users/me/", { token: response.body.access })).status).toBe(200);
  });

  it("ignores any Authorization header", async () => {
    const response = await refresh({ refresh: pair.refresh }, { authorization: "Bearer a b c" });
    expect(response.status).toBe(200);
  });

  it("refuses an access token as the wrong type", async () => {
    const response = await refresh({ refresh: pair.access });
    expectChallenge(response);
    expect(response.body).toEqual({ detail: "Token has wrong type", code: "token_not_valid" });
  });

  it("refuses a malformed or forged token as invalid", async () => {
    const forged = await new SignJWT({ token_type: "refresh", user_id: user.id, jti: randomUUID() })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("not-the-servers-key-at-all-32byt"));
    for (const token of ["abc", forged]) {
      const response = await refresh({ refresh: token });
      expectChallenge(response);
      expect(response.body).toEqual({ detail: "Token is invalid", code: "token_not_valid" });
    }
  });

  it("refuses an expired refresh token", async () => {
    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = await new SignJWT({ token_type: "refresh", user_id: user.id, jti: randomUUID(), iat: past - 60, exp: past })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .sign(deriveKey("jwt"));
    const response = await refresh({ refresh: expired });
    expectChallenge(response);
    expect(response.body).toEqual({ detail: "Token is expired", code: "token_not_valid" });
  });

  it("answers a missing refresh field with 400", async () => {
    const response = await refresh({});
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ refresh: ["This field is required."] });
  });

  it("refuses the refresh token of a user deactivated since", async () => {
    const other = await createTestUser(api.db, { username: "deactivated-later" });
    const otherPair = (await obtain({ username: "deactivated-later", password: other.password })).body;
    await api.db.update(users).set({ isActive: false }).where(eq(users.id, other.id));
    const response = await refresh({ refresh: otherPair.refresh });
    expectChallenge(response);
    expect(response.body).toEqual({ detail: "No active account found for the given token." });
  });
});
