import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

let api: TestApi;
let admin: Awaited<ReturnType<typeof createTestUser>>;
beforeAll(async () => {
  api = await startTestApi();
  admin = await createTestUser(api.db, { username: "routing-admin", isStaff: true });
});
afterAll(() => api.close());

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe("paths", () => {
  it.each(["/api/users/", "/api/users"])("GET %s lists users", async (path) => {
    const response = await api.request("GET", path, { token: admin.token });
    expect(response.status).toBe(200);
    expect(response.body.results.map((u: { username: string }) => u.username)).toContain("routing-admin");
  });

  it.each([
    ["/api/users/", "slash-user"],
    ["/api/users", "noslash-user"],
  ])("POST %s creates (201)", async (path, username) => {
    const response = await api.request("POST", path, { token: admin.token, json: { username, password: "long-enough-pw" } });
    expect(response.status).toBe(201);
    expect(response.body.username).toBe(username);
  });

  it.each(["/api/groups/", "/api/groups"])("POST %s creates a group (201)", async (path) => {
    const name = `group${path.length}`;
    const response = await api.request("POST", path, { token: admin.token, json: { name } });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(Number), name });
  });

  it("serves the detail route in both slash forms", async () => {
    for (const path of [`/api/users/${admin.id}/`, `/api/users/${admin.id}`]) {
      const response = await api.request("GET", path, { token: admin.token });
      expect(response.status).toBe(200);
      expect(response.body.id).toBe(admin.id);
    }
  });

  it("answers an unknown path with 404 Not found., with or without a token", async () => {
    for (const token of [admin.token, undefined]) {
      const response = await api.request("GET", "/api/no_such_thing/", { token });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ detail: "Not found." });
    }
  });

  it.each(["/api/users/abc/", "/api/users/1.5/", "/api/users/3000000000/", "/api/users/%E0%A4%A/"])(
    "answers an id that names no object (%s) with 404 Not found.",
    async (path) => {
      const response = await api.request("GET", path, { token: admin.token });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ detail: "Not found." });
    },
  );

  it("answers a missing object with the model's 404", async () => {
    for (const id of ["999999", "-1"]) {
      const user = await api.request("GET", `/api/users/${id}/`, { token: admin.token });
      expect(user.status).toBe(404);
      expect(user.body).toEqual({ detail: "No User matches the given query." });
    }
    const group = await api.request("GET", "/api/groups/999999/", { token: admin.token });
    expect(group.status).toBe(404);
    expect(group.body).toEqual({ detail: "No Group matches the given query." });
  });

  it("authenticates before it looks at the id", async () => {
    const response = await api.request("GET", "/api/users/abc/");
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: "Authentication credentials were not provided." });
  });
});

describe("methods", () => {
  it.each([
    ["DELETE", "/api/users/", "GET, POST, HEAD, OPTIONS"],
    ["PUT", "/api/groups", "GET, POST, HEAD, OPTIONS"],
    ["POST", "/api/users/1/", "GET, PUT, PATCH, DELETE, HEAD, OPTIONS"],
    ["PATCH", "/api/users/me/", "GET, HEAD, OPTIONS"],
  ])("%s %s is 405 with Allow: %s", async (method, path, allow) => {
    const response = await api.request(method, path, { token: admin.token });
    expect(response.status).toBe(405);
    expect(response.body).toEqual({ detail: `Method "${method}" not allowed.` });
    expect(response.headers.get("allow")).toBe(allow);
  });

  it("answers GET on the public token view with 405 and no authentication", async () => {
    const response = await api.request("GET", "/api/token/");
    expect(response.status).toBe(405);
    expect(response.body).toEqual({ detail: 'Method "GET" not allowed.' });
    expect(response.headers.get("allow")).toBe("POST, OPTIONS");
  });

  it("authenticates before it refuses a method on a protected route", async () => {
    const response = await api.request("DELETE", "/api/users/");
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="api"');
  });

  it("answers HEAD like GET without a body", async () => {
    const response = await api.request("HEAD", "/api/users/", { token: admin.token });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.text).toBe("");
  });
});

describe("statuses and rendering", () => {
  it("creates with 201, replaces and updates with 200 and the whole object, deletes with an empty 204", async () => {
    const created = await api.request("POST", "/api/users/", { token: admin.token, json: { username: "lifecycle", password: "long-enough-pw" } });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toBe("application/json");
    const id = created.body.id;
    expect(Number.isInteger(id)).toBe(true);
    expect(created.body.date_joined).toMatch(ISO_UTC);
    expect(created.body.groups).toEqual([1]);

    const replaced = await api.request("PUT", `/api/users/${id}/`, { token: admin.token, json: { username: "lifecycle2", email: "l@example.com" } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toEqual({ ...created.body, username: "lifecycle2", email: "l@example.com" });

    const patched = await api.request("PATCH", `/api/users/${id}/`, { token: admin.token, json: { first_name: "Life" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ ...replaced.body, first_name: "Life" });

    const deleted = await api.request("DELETE", `/api/users/${id}/`, { token: admin.token });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect(deleted.headers.get("content-type")).toBeNull();
    expect(await api.db.select().from(users).where(eq(users.id, id))).toEqual([]);
    expect((await api.request("GET", `/api/users/${id}/`, { token: admin.token })).status).toBe(404);
  });

  it("renders last_login as ISO 8601 UTC once the user has logged in", async () => {
    await api.request("POST", "/api/token/", { json: { username: admin.username, password: admin.password } });
    const me = await api.request("GET", "/api/users/me/", { token: admin.token });
    expect(me.body.last_login).toMatch(ISO_UTC);
    expect(me.body.date_joined).toMatch(ISO_UTC);
  });

  it("deletes a group with 204 and an empty body", async () => {
    const created = await api.request("POST", "/api/groups/", { token: admin.token, json: { name: "short-lived" } });
    const deleted = await api.request("DELETE", `/api/groups/${created.body.id}`, { token: admin.token });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect(deleted.headers.get("content-type")).toBeNull();
  });
});
