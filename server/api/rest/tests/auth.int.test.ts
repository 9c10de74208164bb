import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "~/db/schema";
import { deriveKey } from "~/server/auth/keys";
import { issueToken } from "~/server/auth/tokens";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

let api: TestApi;
let user: Awaited<ReturnType<typeof createTestUser>>;
beforeAll(async () => {
  api = await startTestApi();
  user = await createTestUser(api.db, { username: "auth-user" });
});
afterAll(() => api.close());

/** A token signed with the server's own key, with whatever claims a test needs. */
function signToken(claims: Record<string, unknown>, key: Uint8Array = deriveKey("jwt")) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ token_type: "access", user_id: user.id, jti: randomUUID(), iat: now, exp: now + 60, ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(key);
}

const me = (headers: Record<string, string>) => api.request("GET", "/api/users/me/", { headers });
const tokenRejected = (message: string) => ({
  detail: "Given token not valid for any token type",
  code: "token_not_valid",
  messages: [{ token_class: "AccessToken", token_type: "access", message }],
});

function expectChallenge(response: { status: number; headers: Headers }) {
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toBe('Bearer realm="api"');
}

describe("credentials that are missing or not Bearer", () => {
  it.each([
    ["no header", {}],
    ["Basic", { authorization: `Basic ${Buffer.from("auth-user:correct-horse-battery").toString("base64")}` }],
    ["lower-case bearer", { authorization: `bearer ${"x".repeat(10)}` }],
    ["empty header", { authorization: "" }],
  ])("%s -> 401 not provided", async (_case, headers) => {
    const response = await me(headers);
    expectChallenge(response);
    expect(response.body).toEqual({ detail: "Authentication credentials were not provided." });
  });
});

describe("a Bearer header that is not one token", () => {
  it.each(["Bearer", "Bearer a b", "Bearer  a  b  c"])("%j -> 401 bad_authorization_header", async (authorization) => {
    const response = await me({ authorization });
    expectChallenge(response);
    expect(response.body).toEqual({ detail: "Authorization header must contain two space-delimited values", code: "bad_authorization_header" });
  });
});

describe("access tokens SimpleJWT would reject", () => {
  it("accepts the server's own access token (the baseline for the cases below)", async () => {
    const response = await me({ authorization: `Bearer ${await signToken({})}` });
    expect(response.status).toBe(200);
    expect(response.body.username).toBe("auth-user");
  });

  it("rejects a tampered token as invalid", async () => {
    const token = await signToken({});
    const [header, payload, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), user_id: user.id + 1 })).toString("base64url");
    for (const bad of [`${header}.${forged}.${signature}`, `${header}.${payload}.${signature!.slice(0, -2)}xx`, "not-a-jwt"]) {
      const response = await me({ authorization: `Bearer ${bad}` });
      expectChallenge(response);
      expect(response.body).toEqual(tokenRejected("Token is invalid"));
    }
  });

  it("rejects a token signed with another key as invalid", async () => {
    const response = await me({ authorization: `Bearer ${await signToken({}, new TextEncoder().encode("another-secret-of-32-bytes-long!"))}` });
    expect(response.body).toEqual(tokenRejected("Token is invalid"));
  });

  it("rejects an expired token as expired", async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const response = await me({ authorization: `Bearer ${await signToken({ iat: past - 60, exp: past })}` });
    expectChallenge(response);
    expect(response.body).toEqual(tokenRejected("Token is expired"));
  });

  it("rejects a refresh token used as an access token as the wrong type", async () => {
    const response = await me({ authorization: `Bearer ${await issueToken(user.id, "refresh")}` });
    expectChallenge(response);
    expect(response.body).toEqual(tokenRejected("Token has wrong type"));
  });

  it("rejects a valid token of a user that no longer exists", async () => {
    const response = await me({ authorization: `Bearer ${await signToken({ user_id: 987654 })}` });
    expectChallenge(response);
    expect(response.body).toEqual({ detail: "User not found", code: "user_not_found" });
  });
});

describe("deactivation", () => {
  it("stops an existing access token once the user is deactivated through PATCH", async () => {
    const admin = await createTestUser(api.db, { username: "auth-admin", isStaff: true });
    const victim = await createTestUser(api.db, { username: "soon-inactive" });
    expect((await api.request("GET", "/api/users/me/", { token: victim.token })).status).toBe(200);

    const patched = await api.request("PATCH", `/api/users/${victim.id}/`, { token: admin.token, json: { is_active: false } });
    expect(patched.status).toBe(200);
    expect(patched.body.is_active).toBe(false);

    const response = await api.request("GET", "/api/users/me/", { token: victim.token });
    expectChallenge(response);
    expect(response.body).toEqual({ detail: "User is inactive", code: "user_inactive" });
    const [row] = await api.db.select({ isActive: users.isActive }).from(users).where(eq(users.id, victim.id));
    expect(row!.isActive).toBe(false);
  });
});
