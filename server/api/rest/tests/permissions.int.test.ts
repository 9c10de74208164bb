import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groups, users } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

let api: TestApi;
let admin: Awaited<ReturnType<typeof createTestUser>>;
let member: Awaited<ReturnType<typeof createTestUser>>;
let other: Awaited<ReturnType<typeof createTestUser>>;
let teamId: number;
let foreignId: number;
beforeAll(async () => {
  api = await startTestApi();
  const [team, foreign] = await api.db.insert(groups).values([{ name: "team" }, { name: "foreign" }]).returning();
  teamId = team!.id;
  foreignId = foreign!.id;
  admin = await createTestUser(api.db, { username: "perm-admin", isStaff: true });
  member = await createTestUser(api.db, { username: "member", groups: [1, teamId] });
  other = await createTestUser(api.db, { username: "other", groups: [foreignId] });
});
afterAll(() => api.close());

const FORBIDDEN = { detail: "You do not have permission to perform this action." };
const snapshot = async () => ({
  users: await api.db.select().from(users).orderBy(users.id),
  groups: await api.db.select().from(groups).orderBy(groups.id),
});

describe("a non-staff user", () => {
  it.each([
    ["POST", "/api/users/", { username: "made-by-member", password: "long-enough-pw" }],
    ["POST", "/api/users/", { username: "" }],
    ["PUT", "/api/users/{self}/", { username: "member", is_staff: true }],
    ["PUT", "/api/users/{self}/", {}],
    ["PATCH", "/api/users/{self}/", { is_staff: true }],
    ["PATCH", "/api/users/{other}/", { first_name: "x" }],
    ["PATCH", "/api/users/999999/", { first_name: "x" }],
    ["DELETE", "/api/users/{other}/", undefined],
    ["DELETE", "/api/users/{self}/", undefined],
    ["POST", "/api/groups/", { name: "made-by-member" }],
    ["PUT", "/api/groups/{team}/", { name: "renamed" }],
    ["PATCH", "/api/groups/{team}/", { name: "renamed" }],
    ["DELETE", "/api/groups/{team}/", undefined],
    ["DELETE", "/api/groups/{foreign}/", undefined],
  ])("is forbidden to %s %s, before any lookup or validation, and nothing changes", async (method, template, json) => {
    const path = template
      .replace("{self}", String(member.id))
      .replace("{other}", String(other.id))
      .replace("{team}", String(teamId))
      .replace("{foreign}", String(foreignId));
    const before = await snapshot();
    const response = await api.request(method, path, { token: member.token, json });
    expect(response.status).toBe(403);
    expect(response.body).toEqual(FORBIDDEN);
    expect(await snapshot()).toEqual(before);
  });

  it("sees only themselves in /api/users/", async () => {
    const response = await api.request("GET", "/api/users/", { token: member.token });
    expect(response.body).toMatchObject({ count: 1, next: null, previous: null });
    expect(response.body.results.map((u: { id: number }) => u.id)).toEqual([member.id]);
    const searched = await api.request("GET", "/api/users/?search=other", { token: member.token });
    expect(searched.body.count).toBe(0);
  });

  it("cannot read another user (404), but can read themselves", async () => {
    const theirs = await api.request("GET", `/api/users/${other.id}/`, { token: member.token });
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual({ detail: "No User matches the given query." });
    const own = await api.request("GET", `/api/users/${member.id}/`, { token: member.token });
    expect(own.body.username).toBe("member");
  });

  it("sees only their groups in /api/groups/", async () => {
    const response = await api.request("GET", "/api/groups/", { token: member.token });
    expect(response.body.results).toEqual([
      { id: 1, name: "default" },
      { id: teamId, name: "team" },
    ]);
    const foreign = await api.request("GET", `/api/groups/${foreignId}/`, { token: member.token });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({ detail: "No Group matches the given query." });
  });

  it("sees no group at all when in none", async () => {
    const loner = await createTestUser(api.db, { username: "loner", groups: [] });
    const response = await api.request("GET", "/api/groups/", { token: loner.token });
    expect(response.body).toEqual({ count: 0, next: null, previous: null, results: [] });
  });
});

describe("/api/users/me/", () => {
  it("answers every signed-in user with their own record", async () => {
    for (const user of [admin, member, other]) {
      const response = await api.request("GET", "/api/users/me/", { token: user.token });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: user.id, username: user.username, is_staff: user.isStaff });
    }
  });
});

describe("a staff user", () => {
  it("sees every user and every group", async () => {
    const usersList = await api.request("GET", "/api/users/", { token: admin.token });
    expect(usersList.body.results.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(["member", "other", "perm-admin"]));
    const groupsList = await api.request("GET", "/api/groups/", { token: admin.token });
    expect(groupsList.body.count).toBe(3);
  });

  it("cannot remove their own staff or active status, nor delete themselves", async () => {
    const demote = await api.request("PATCH", `/api/users/${admin.id}/`, { token: admin.token, json: { is_staff: false } });
    expect(demote.status).toBe(400);
    expect(demote.body).toEqual({ is_staff: ["You cannot remove your own staff or active status."] });
    const remove = await api.request("DELETE", `/api/users/${admin.id}/`, { token: admin.token });
    expect(remove.status).toBe(400);
    expect(remove.body).toEqual({ non_field_errors: ["You cannot delete your own account."] });
    const [row] = await api.db.select().from(users).where(eq(users.id, admin.id));
    expect(row).toMatchObject({ isStaff: true, isActive: true });
  });

  it("cannot delete the default group", async () => {
    const response = await api.request("DELETE", "/api/groups/1/", { token: admin.token });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ non_field_errors: ["The default group cannot be deleted."] });
  });

  it("manages another user's groups and deletes users", async () => {
    const patched = await api.request("PATCH", `/api/users/${other.id}/`, { token: admin.token, json: { groups: [teamId, foreignId] } });
    expect(patched.body.groups).toEqual([teamId, foreignId].sort((a, b) => a - b));
    const seenByOther = await api.request("GET", "/api/groups/", { token: other.token });
    expect(seenByOther.body.results.map((g: { id: number }) => g.id)).toEqual([foreignId, teamId]);
    const deleted = await api.request("DELETE", `/api/users/${other.id}/`, { token: admin.token });
    expect(deleted.status).toBe(204);
  });
});
