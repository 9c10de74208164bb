import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe("POST /api/token/", () => {
  it("returns a token pair that authenticates /api/users/me/", async () => {
    const user = await createTestUser(api.db, { username: "alice", password: "s3cret-password" });
    const token = await api.request("POST", "/api/token/", { json: { username: "alice", password: "s3cret-password" } });
    expect(token.status).toBe(200);
    expect(Object.keys(token.body).sort()).toEqual(["access", "refresh"]);
    const me = await api.request("GET", "/api/users/me/", { token: token.body.access });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: user.id, username: "alice", is_staff: false, groups: [1] });
    expect(me.text).not.toMatch(/password|argon2/);
  });
});
