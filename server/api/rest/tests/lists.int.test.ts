import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groups, userGroups, users } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

let api: TestApi;
let token: string;
let teamId: number;
beforeAll(async () => {
  api = await startTestApi();
  token = (await createTestUser(api.db, { username: "list-admin", isStaff: true })).token;
  const [team] = await api.db.insert(groups).values({ name: "team" }).returning();
  teamId = team!.id;
  const seeded = await api.db
    .insert(users)
    .values([
      { username: "alice", email: "alice@example.com", firstName: "Alice", lastName: "Anderson", passwordHash: "unused" },
      { username: "bob", email: "bob@corp.test", firstName: "Bob", lastName: "Builder", isStaff: true, passwordHash: "unused" },
      { username: "carol", email: "carol@example.com", firstName: "Mary Ann", lastName: "Smith", passwordHash: "unused" },
      { username: "dave", email: "dave@example.com", firstName: "Ann", lastName: "Mary", isActive: false, passwordHash: "unused" },
      { username: "eve", firstName: "Eve", passwordHash: "unused" },
    ])
    .returning();
  const id = (username: string) => seeded.find((u) => u.username === username)!.id;
  await api.db.insert(userGroups).values([
    { userId: id("alice"), groupId: 1 },
    { userId: id("alice"), groupId: teamId },
    { userId: id("bob"), groupId: teamId },
    { userId: id("carol"), groupId: 1 },
  ]);
});
afterAll(() => api.close());

const ALL = ["alice", "bob", "carol", "dave", "eve", "list-admin"];
const list = (query = "", headers?: Record<string, string>) => api.request("GET", `/api/users/${query}`, { token, headers });
const names = async (query: string) => {
  const response = await list(query);
  expect(response.status).toBe(200);
  return response.body.results.map((u: { username: string }) => u.username);
};

describe("envelope and paging", () => {
  it("returns every row in one envelope when no page or page_size is given", async () => {
    const response = await list();
    expect(response.body).toEqual({ count: ALL.length, next: null, previous: null, results: expect.any(Array) });
    expect(response.body.results.map((u: { username: string }) => u.username)).toEqual(ALL);
  });

  it("pages with page_size, linking absolute URLs built from the request's Host", async () => {
    const host = { host: "rack.example:8443" };
    const first = await list("?page_size=2", host);
    expect(first.body).toMatchObject({ count: 6, next: "http://rack.example:8443/api/users/?page=2&page_size=2", previous: null });
    expect(first.body.results).toHaveLength(2);
    const second = await list("?page=2&page_size=2", host);
    expect(second.body).toMatchObject({
      next: "http://rack.example:8443/api/users/?page=3&page_size=2",
      previous: "http://rack.example:8443/api/users/?page_size=2",
    });
    const third = await list("?page=3&page_size=2", host);
    expect(third.body).toMatchObject({ next: null, previous: "http://rack.example:8443/api/users/?page=2&page_size=2" });
    const seen = [first, second, third].flatMap((page) => page.body.results.map((u: { username: string }) => u.username));
    expect(seen).toEqual(ALL);
  });

  it("sorts the parameters of page links as DRF does and keeps the other parameters", async () => {
    const response = await list("?search=a&page_size=1&ordering=-username&zeta=1");
    expect(response.body.next).toBe(`${api.baseUrl}/api/users/?ordering=-username&page=2&page_size=1&search=a&zeta=1`);
  });

  it("serves page=last", async () => {
    const response = await list("?page=last&page_size=4");
    expect(response.body).toMatchObject({ count: 6, next: null, previous: `${api.baseUrl}/api/users/?page_size=4` });
    expect(response.body.results.map((u: { username: string }) => u.username)).toEqual(["eve", "list-admin"]);
  });

  it.each(["abc", "0", "-1", "1.5", "4"])("answers page=%s with 404 Invalid page.", async (page) => {
    const response = await list(`?page=${page}&page_size=2`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ detail: "Invalid page." });
  });

  it("serves an empty first page", async () => {
    const response = await list("?search=nobody-has-this&page=1");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ count: 0, next: null, previous: null, results: [] });
  });

  it.each(["abc", "0", "-3", ""])("ignores page_size=%j", async (size) => {
    const response = await list(`?page_size=${size}`);
    expect(response.body).toMatchObject({ count: 6, next: null, previous: null });
    expect(response.body.results).toHaveLength(6);
  });
});

describe("search", () => {
  it.each([
    ["ALICE", ["alice"]],
    ["lic", ["alice"]],
    ["example.com alice", ["alice"]],
    ["alice,anderson", ["alice"]],
    ["alice bob", []],
    ["mary ann", ["carol", "dave"]],
    ['"mary ann"', ["carol"]],
    ["_", []],
    ["%", []],
  ])("search=%j finds %j", async (search, expected) => {
    expect(await names(`?search=${encodeURIComponent(search)}`)).toEqual(expected);
  });

  it("answers a NUL character with 400", async () => {
    const response = await list("?search=a%00b");
    expect(response.status).toBe(400);
    expect(response.body).toEqual(["Null characters are not allowed."]);
  });
});

describe("ordering", () => {
  it.each([
    ["-username", [...ALL].reverse()],
    ["nope", ALL],
    ["nope,-username", [...ALL].reverse()],
    ["password_hash", ALL],
    ["constructor", ALL],
  ])("ordering=%s", async (ordering, expected) => {
    expect(await names(`?ordering=${ordering}`)).toEqual(expected);
  });

  it("orders by several names and breaks ties by id", async () => {
    const rows = (await list("?ordering=email")).body.results as Array<{ id: number; email: string; username: string }>;
    const blanks = rows.filter((u) => u.email === "");
    expect(rows.slice(0, blanks.length)).toEqual(blanks);
    expect(blanks.map((u) => u.id)).toEqual([...blanks.map((u) => u.id)].sort((a, b) => a - b));
    expect(rows.slice(blanks.length).map((u) => u.email)).toEqual(["alice@example.com", "bob@corp.test", "carol@example.com", "dave@example.com"]);
    expect(await names("?ordering=-is_staff,username")).toEqual(ALL);
    expect(await names("?ordering=-date_joined,-id")).toEqual(["eve", "dave", "carol", "bob", "alice", "list-admin"]);
  });

  it("pages stably when the ordering has ties", async () => {
    const seen: number[] = [];
    for (let page = 1; page <= 6; page++) {
      seen.push(...(await list(`?ordering=email&page=${page}&page_size=1`)).body.results.map((u: { id: number }) => u.id));
    }
    expect(new Set(seen).size).toBe(6);
  });
});

describe("filters", () => {
  it.each([
    ["is_staff=true", ["bob", "list-admin"]],
    ["is_staff=TRUE", ["bob", "list-admin"]],
    ["is_staff=1", ["bob", "list-admin"]],
    ["is_staff=false", ["alice", "carol", "dave", "eve"]],
    ["is_staff=0", ["alice", "carol", "dave", "eve"]],
    ["is_staff=maybe", ALL],
    ["is_staff=", ALL],
    ["is_active=false", ["dave"]],
    ["username=alice", ["alice"]],
    ["username=ALICE", []],
    ["no_such_filter=1", ALL],
    ["is_staff=false&search=example.com", ["alice", "carol", "dave"]],
  ])("?%s", async (query, expected) => {
    expect(await names(`?${query}`)).toEqual(expected);
  });

  it("filters by group membership", async () => {
    expect(await names(`?groups=${teamId}`)).toEqual(["alice", "bob"]);
    expect(await names("?groups=1")).toEqual(["alice", "carol", "list-admin"]);
  });

  it.each(["999", "abc", "3000000000", "-1"])("answers groups=%s with 400", async (value) => {
    const response = await list(`?groups=${value}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ groups: ["Select a valid choice. That choice is not one of the available choices."] });
  });

  it("lists groups in the same envelope, searchable and filterable", async () => {
    const all = await api.request("GET", "/api/groups/", { token });
    expect(all.body).toEqual({ count: 2, next: null, previous: null, results: [{ id: 1, name: "default" }, { id: teamId, name: "team" }] });
    const found = await api.request("GET", "/api/groups/?search=TEA&ordering=-name", { token });
    expect(found.body.results).toEqual([{ id: teamId, name: "team" }]);
    const byName = await api.request("GET", "/api/groups/?name=default", { token });
    expect(byName.body.results).toEqual([{ id: 1, name: "default" }]);
  });
});

describe("the page size cap", () => {
  beforeAll(async () => {
    await api.db.execute(sql`insert into ${users} (username, password_hash) select 'bulk' || n, 'unused' from generate_series(1, 1001) as n`);
  });

  it("caps page_size at 1000", async () => {
    const response = await list("?search=bulk&page_size=5000");
    expect(response.body.count).toBe(1001);
    expect(response.body.results).toHaveLength(1000);
    expect(response.body.next).toBe(`${api.baseUrl}/api/users/?page=2&page_size=5000&search=bulk`);
  });

  it("still returns every row when not paged", async () => {
    const response = await list("?search=bulk");
    expect(response.body).toMatchObject({ count: 1001, next: null, previous: null });
    expect(response.body.results).toHaveLength(1001);
  });
});

describe("filters on detail routes", () => {
  it("apply as on the list: an object the filters exclude is the model's 404", async () => {
    const staff = await createTestUser(api.db, { isStaff: true });
    const plain = await createTestUser(api.db, { isStaff: false });
    const included = await api.request("GET", `/api/users/${staff.id}/?is_staff=true`, { token: staff.token });
    expect(included.status).toBe(200);
    expect(included.body.id).toBe(staff.id);
    const excluded = await api.request("GET", `/api/users/${plain.id}/?is_staff=true`, { token: staff.token });
    expect(excluded.status).toBe(404);
    expect(excluded.body).toEqual({ detail: "No User matches the given query." });
    const searched = await api.request("GET", `/api/users/${plain.id}/?search=${encodeURIComponent(staff.username)}`, { token: staff.token });
    expect(searched.status).toBe(404);
    const badFilter = await api.request("GET", `/api/users/${plain.id}/?groups=abc`, { token: staff.token });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body).toEqual({ groups: ["Select a valid choice. That choice is not one of the available choices."] });
  });
});
