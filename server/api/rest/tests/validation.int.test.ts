import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groups, userGroups, users } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

let api: TestApi;
let token: string;
let target: Awaited<ReturnType<typeof createTestUser>>;
beforeAll(async () => {
  api = await startTestApi();
  token = (await createTestUser(api.db, { username: "validation-admin", isStaff: true })).token;
  target = await createTestUser(api.db, { username: "target" });
});
afterAll(() => api.close());

const userCount = async () => (await api.db.select({ id: users.id }).from(users)).length;
const targetRow = async () => {
  const [row] = await api.db.select().from(users).where(eq(users.id, target.id));
  const memberships = await api.db.select().from(userGroups).where(eq(userGroups.userId, target.id));
  return { ...row, groups: memberships.map((m) => m.groupId) };
};
const valid = { username: "new-user", password: "long-enough-pw" };

describe("create validation", () => {
  it.each([
    ["missing", {}, { username: ["This field is required."], password: ["This field is required."] }],
    ["null", { ...valid, username: null }, { username: ["This field may not be null."] }],
    ["blank", { ...valid, username: "  " }, { username: ["This field may not be blank."] }],
    ["not a string", { ...valid, first_name: true }, { first_name: ["Not a valid string."] }],
    ["a list for a string", { ...valid, last_name: ["a"] }, { last_name: ["Not a valid string."] }],
    ["too long", { ...valid, first_name: "x".repeat(151) }, { first_name: ["Ensure this field has no more than 150 characters."] }],
    ["not a boolean", { ...valid, is_staff: "maybe" }, { is_staff: ["Must be a valid boolean."] }],
    ["null boolean", { ...valid, is_active: null }, { is_active: ["This field may not be null."] }],
    ["not an email", { ...valid, email: "nope" }, { email: ["Enter a valid email address."] }],
    ["a string for a list", { ...valid, groups: "1" }, { groups: ['Expected a list of items but got type "str".'] }],
    ["a missing pk", { ...valid, groups: [999] }, { groups: ['Invalid pk "999" - object does not exist.'] }],
    ["a pk beyond any id", { ...valid, groups: [3000000000] }, { groups: ['Invalid pk "3000000000" - object does not exist.'] }],
    ["a string pk", { ...valid, groups: ["abc"] }, { groups: ["Incorrect type. Expected pk value, received str."] }],
    ["a boolean pk", { ...valid, groups: [true] }, { groups: ["Incorrect type. Expected pk value, received bool."] }],
  ])("%s -> 400 with DRF's message, and nothing is created", async (_case, json, errors) => {
    const before = await userCount();
    const response = await api.request("POST", "/api/users/", { token, json });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(errors);
    expect(await userCount()).toBe(before);
  });

  it("reports every invalid field at once", async () => {
    const response = await api.request("POST", "/api/users/", { token, json: { username: "", password: "short", is_staff: "x" } });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body).sort()).toEqual(["is_staff", "password", "username"]);
  });

  it("refuses a taken username with a field error, changing nothing", async () => {
    const before = await userCount();
    const response = await api.request("POST", "/api/users/", { token, json: { username: "target", password: "long-enough-pw" } });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ username: ["A user with that username already exists."] });
    expect(await userCount()).toBe(before);
  });

  it("refuses a taken group name", async () => {
    const response = await api.request("POST", "/api/groups/", { token, json: { name: "default" } });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ name: ["group with this name already exists."] });
  });

  it("reads values as DRF's fields do: boolean and pk strings, numbers for strings", async () => {
    const response = await api.request("POST", "/api/users/", {
      token,
      json: { username: "lenient", password: "long-enough-pw", is_staff: "false", is_active: "True", groups: ["1"], first_name: 42 },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ is_staff: false, is_active: true, groups: [1], first_name: "42" });
  });

  it("ignores unknown and read-only keys", async () => {
    const response = await api.request("POST", "/api/users/", {
      token,
      json: { username: "with-extras", password: "long-enough-pw", id: 4242, date_joined: "2000-01-01T00:00:00Z", last_login: "2000-01-01T00:00:00Z", nonsense: 1 },
    });
    expect(response.status).toBe(201);
    expect(response.body.id).not.toBe(4242);
    expect(response.body.date_joined).not.toBe("2000-01-01T00:00:00.000Z");
    expect(response.body.last_login).toBeNull();
    expect(response.body).not.toHaveProperty("nonsense");
  });
});

describe("PUT and PATCH", () => {
  it("PUT without a required field is 400 and changes nothing", async () => {
    const before = await targetRow();
    const response = await api.request("PUT", `/api/users/${target.id}/`, { token, json: { email: "put@example.com" } });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ username: ["This field is required."] });
    expect(await targetRow()).toEqual(before);
  });

  it("PATCH {} is a 200 no-op", async () => {
    const before = await targetRow();
    const response = await api.request("PATCH", `/api/users/${target.id}/`, { token, json: {} });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: target.id, username: "target", groups: before.groups });
    expect(await targetRow()).toEqual(before);
  });

  it("PATCH changes only the field sent", async () => {
    const before = await targetRow();
    const response = await api.request("PATCH", `/api/users/${target.id}/`, { token, json: { last_name: "Patched" } });
    expect(response.status).toBe(200);
    expect(response.body.last_name).toBe("Patched");
    expect(await targetRow()).toEqual({ ...before, lastName: "Patched" });
  });

  it("PUT changes the sent fields and keeps the password when none is sent", async () => {
    const before = await targetRow();
    const response = await api.request("PUT", `/api/users/${target.id}/`, { token, json: { username: "target", first_name: "Put" } });
    expect(response.status).toBe(200);
    expect(await targetRow()).toEqual({ ...before, firstName: "Put" });
  });

  it("PATCH with an invalid field is 400 and changes nothing", async () => {
    const before = await targetRow();
    for (const json of [{ username: "" }, { groups: [999] }, { is_staff: "x" }, { email: "bad" }, { username: "validation-admin" }]) {
      const response = await api.request("PATCH", `/api/users/${target.id}/`, { token, json });
      expect(response.status).toBe(400);
      expect(Object.keys(response.body)).toEqual(Object.keys(json));
      expect(await targetRow()).toEqual(before);
    }
  });

  it("ignores unknown and read-only keys on update", async () => {
    const before = await targetRow();
    const response = await api.request("PATCH", `/api/users/${target.id}/`, { token, json: { id: 1, date_joined: "2000-01-01T00:00:00Z", password_hash: "x" } });
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(target.id);
    expect(await targetRow()).toEqual(before);
  });

  it("PUT or PATCH to a missing id is 404, even with an invalid body", async () => {
    for (const [method, json] of [["PUT", { username: "ghost" }], ["PUT", {}], ["PATCH", { username: "" }]] as const) {
      const response = await api.request(method, "/api/users/999999/", { token, json });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ detail: "No User matches the given query." });
    }
    expect(await api.db.select().from(users).where(eq(users.username, "ghost"))).toEqual([]);
  });

  it("PUT on a group replaces its name; PATCH {} keeps it", async () => {
    const [group] = await api.db.insert(groups).values({ name: "before" }).returning();
    const put = await api.request("PUT", `/api/groups/${group!.id}/`, { token, json: { name: "after" } });
    expect(put.body).toEqual({ id: group!.id, name: "after" });
    const noop = await api.request("PATCH", `/api/groups/${group!.id}/`, { token, json: {} });
    expect(noop.body).toEqual({ id: group!.id, name: "after" });
    const missing = await api.request("PUT", `/api/groups/${group!.id}/`, { token, json: {} });
    expect(missing.body).toEqual({ name: ["This field is required."] });
  });
});
