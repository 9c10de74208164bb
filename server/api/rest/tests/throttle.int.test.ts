import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

// Read when the throttle module loads: a low limit keeps the test short. Module state lives in this
// test file's own process, so no other file's failed logins count here.
vi.hoisted(() => {
  process.env.RACKPILOT_LOGIN_FAILURE_LIMIT = "3";
  process.env.RACKPILOT_LOGIN_FAILURE_WINDOW = "120";
});

let api: TestApi;
let user: Awaited<ReturnType<typeof createTestUser>>;
beforeAll(async () => {
  api = await startTestApi();
  user = await createTestUser(api.db, { username: "throttled" });
});
afterAll(() => api.close());

const login = (password: string, from?: string) => api.request("POST", "/api/token/", { json: { username: "throttled", password }, from });
const THROTTLED = /^Request was throttled\. Expected available in (\d+) seconds?\.$/;

describe("failed-login throttle", () => {
  it("refuses a client with 429 after repeated failures, even with the right password", async () => {
    expect((await login(user.password)).status).toBe(200);
    for (let attempt = 0; attempt < 3; attempt++) expect((await login("wrong-password")).status).toBe(401);

    const refused = await login("wrong-password");
    expect(refused.status).toBe(429);
    const wait = Number(THROTTLED.exec(refused.body.detail)?.[1]);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(120);
    expect(refused.headers.get("retry-after")).toBe(String(wait));
    expect(Object.keys(refused.body)).toEqual(["detail"]);

    const rightPassword = await login(user.password);
    expect(rightPassword.status).toBe(429);
    expect(rightPassword.body.detail).toMatch(THROTTLED);
    const refresh = await api.request("POST", "/api/token/refresh/", { json: { refresh: "anything" } });
    expect(refresh.status).toBe(429);
  });

  it("does not throttle another client", async () => {
    expect((await login("wrong-password", "127.0.0.2")).status).toBe(401);
    const response = await login(user.password, "127.0.0.2");
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(["access", "refresh"]);
  });

  it("does not throttle the throttled client's authenticated requests", async () => {
    const response = await api.request("GET", "/api/users/me/", { token: user.token });
    expect(response.status).toBe(200);
  });
});
