import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groups } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

let api: TestApi;
let staff: string;
let member: string;
let hiddenGroup: number;
let profile: number;
const INVALID = { groups: ["Select a valid choice. That choice is not one of the available choices."] };

beforeAll(async () => {
  api = await startTestApi();
  staff = (await createTestUser(api.db, { isStaff: true })).token;
  member = (await createTestUser(api.db, { groups: [1] })).token;
  hiddenGroup = (await api.db.insert(groups).values({ name: "not-yours" }).returning())[0]!.id;
  profile = (await api.request("POST", "/api/node_discovery/auth_profile/", { token: staff, json: { node_classification: "Leaks" } })).body.id;
  await api.request("POST", `/api/node_discovery/auth_profile/${profile}/credentials/`, { token: staff, json: { username: "bmc-admin", password: "secret-password" } });
});
afterAll(() => api.close());

describe("relation filters only accept what the caller can see", () => {
  it("?groups= with another group's id answers exactly as for an id that does not exist", async () => {
    const hidden = await api.request("GET", `/api/users/?groups=${hiddenGroup}`, { token: member });
    const missing = await api.request("GET", "/api/users/?groups=987654", { token: member });
    expect([hidden.status, hidden.body]).toEqual([400, INVALID]);
    expect([missing.status, missing.body]).toEqual([400, INVALID]);
    expect((await api.request("GET", "/api/users/?groups=1", { token: member })).status).toBe(200);
    expect((await api.request("GET", `/api/users/?groups=${hiddenGroup}`, { token: staff })).status).toBe(200);
  });
});

describe("BMC credentials are staff-only, to read too", () => {
  it("a non-staff user gets 403 listing a profile's credentials; staff see the usernames", async () => {
    const refused = await api.request("GET", `/api/node_discovery/auth_profile/${profile}/credentials/`, { token: member });
    expect([refused.status, refused.body]).toEqual([403, { detail: "You do not have permission to perform this action." }]);
    expect(refused.text).not.toContain("bmc-admin");
    const listed = await api.request("GET", `/api/node_discovery/auth_profile/${profile}/credentials/`, { token: staff });
    expect(listed.body.results.map((credential: { username: string }) => credential.username)).toEqual(["bmc-admin"]);
  });
});
