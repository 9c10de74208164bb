import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "~/db/client";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { captureConsole } from "~/server/testing/console-capture";
import { createTestUser } from "~/server/testing/factories";

let api: TestApi;
let token: string;
beforeAll(async () => {
  api = await startTestApi();
  token = (await createTestUser(api.db, { username: "errors-user" })).token;
});
afterAll(() => api.close());

/** Runs `action` while the API's database is unreachable (nothing listens on 127.0.0.1:1). */
async function withDatabaseDown<T>(action: () => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  await closeDb();
  process.env.DATABASE_URL = "postgres://rackpilot:unreachable-db-password@127.0.0.1:1/rackpilot";
  try {
    return await action();
  } finally {
    await closeDb();
    process.env.DATABASE_URL = url;
  }
}

describe("unexpected errors", () => {
  it.each([
    ["while authenticating", () => api.request("GET", "/api/users/", { token })],
    ["inside a procedure", () => api.request("POST", "/api/token/", { json: { username: "errors-user", password: "typed-Secret-pw" } })],
  ])("answer 500 Internal server error. %s, with the cause logged and nothing leaked", async (_where, send) => {
    const console_ = captureConsole();
    try {
      const response = await withDatabaseDown(send);
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ detail: "Internal server error." });
      expect(response.headers.get("content-type")).toBe("application/json");
      const logged = console_.lines.join("\n");
      expect(logged).toMatch(/REST request failed: (GET|POST) \/api\/(users|token)\//);
      expect(logged).toContain("ECONNREFUSED");
      expect(logged).not.toContain("typed-Secret-pw");
      expect(logged).not.toContain("unreachable-db-password");
    } finally {
      console_.restore();
    }
  });

  it("recovers once the database is back", async () => {
    const response = await api.request("GET", "/api/users/me/", { token });
    expect(response.status).toBe(200);
    expect(response.body.username).toBe("errors-user");
  });
});
