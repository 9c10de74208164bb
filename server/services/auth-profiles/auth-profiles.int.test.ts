import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

let api: TestApi;
let admin: string;
let user: string;
const BASE = "/api/node_discovery/auth_profile/";

beforeAll(async () => {
  api = await startTestApi();
  admin = (await createTestUser(api.db, { isStaff: true })).token;
  user = (await createTestUser(api.db)).token;
});
afterAll(() => api.close());

const post = (json: unknown, token = admin) => api.request("POST", BASE, { token, json });

describe("the seed's auth profile examples", () => {
  it("creates 'Dell Servers - DC1' with bmc redfish and lists it", async () => {
    const created = await post({ node_classification: "Dell Servers - DC1", bmc: "redfish" });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      node_classification: "Dell Servers - DC1",
      bmc: "redfish",
      credentials_count: 0,
      created_at: expect.stringMatching(/Z$/),
      updated_at: expect.stringMatching(/Z$/),
    });
    const listed = await api.request("GET", BASE, { token: admin });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ count: 1, next: null, previous: null });
    expect(listed.body.results[0]).toEqual(created.body);
  });
});

describe("auth profile fields", () => {
  it("defaults bmc to redfish and refuses anything Rackpilot cannot speak", async () => {
    expect((await post({ node_classification: "  Trimmed  " })).body).toMatchObject({ node_classification: "Trimmed", bmc: "redfish" });
    expect((await post({ node_classification: "IPMI rack", bmc: "ipmi" })).body).toEqual({ bmc: ['"ipmi" is not a valid choice.'] });
    expect((await post({ bmc: "redfish" })).body).toEqual({ node_classification: ["This field is required."] });
    expect((await post({ node_classification: "" })).body).toEqual({ node_classification: ["This field may not be blank."] });
    expect((await post({ node_classification: "x".repeat(257) })).body).toEqual({ node_classification: ["Ensure this field has no more than 256 characters."] });
  });

  it("PUT requires node_classification; PATCH changes only what is sent and bumps updated_at", async () => {
    const created = (await post({ node_classification: "Editable" })).body;
    const put = await api.request("PUT", `${BASE}${created.id}/`, { token: admin, json: { bmc: "redfish" } });
    expect(put.body).toEqual({ node_classification: ["This field is required."] });
    const patched = await api.request("PATCH", `${BASE}${created.id}/`, { token: admin, json: { node_classification: "Edited" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: created.id, node_classification: "Edited", bmc: "redfish" });
    expect(patched.body.updated_at > created.updated_at).toBe(true);
    const replaced = await api.request("PUT", `${BASE}${created.id}/`, { token: admin, json: { node_classification: "Replaced" } });
    expect(replaced.body.node_classification).toBe("Replaced");
  });

  it("404s for a missing profile and deletes with 204", async () => {
    const missing = await api.request("GET", `${BASE}777777/`, { token: admin });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: "No AuthProfile matches the given query." });
    const created = (await post({ node_classification: "Doomed" })).body;
    expect((await api.request("DELETE", `${BASE}${created.id}/`, { token: admin })).status).toBe(204);
    expect((await api.request("GET", `${BASE}${created.id}/`, { token: admin })).status).toBe(404);
  });
});

describe("listing auth profiles", () => {
  it("searches node_classification, filters bmc and orders", async () => {
    await post({ node_classification: "HPE Gen10 - DC2" });
    await post({ node_classification: "HPE Gen9 - DC2" });
    const found = await api.request("GET", `${BASE}?search=hpe+dc2&ordering=-node_classification`, { token: user });
    expect(found.body.results.map((p: { node_classification: string }) => p.node_classification)).toEqual(["HPE Gen9 - DC2", "HPE Gen10 - DC2"]);
    expect((await api.request("GET", `${BASE}?bmc=redfish&search=HPE`, { token: user })).body.count).toBe(2);
    expect((await api.request("GET", `${BASE}?bmc=ipmi`, { token: user })).body).toEqual({ bmc: ["Select a valid choice. ipmi is not one of the available choices."] });
  });
});

describe("who may do what", () => {
  it("lets every signed-in user read but only staff write", async () => {
    const created = (await post({ node_classification: "Staff owned" })).body;
    expect((await api.request("GET", `${BASE}${created.id}/`, { token: user })).status).toBe(200);
    const forbidden = { detail: "You do not have permission to perform this action." };
    const attempts = await Promise.all([
      post({ node_classification: "Mine" }, user),
      api.request("PUT", `${BASE}${created.id}/`, { token: user, json: { node_classification: "Mine" } }),
      api.request("PATCH", `${BASE}${created.id}/`, { token: user, json: { node_classification: "Mine" } }),
      api.request("DELETE", `${BASE}${created.id}/`, { token: user }),
    ]);
    for (const response of attempts) {
      expect(response.status).toBe(403);
      expect(response.body).toEqual(forbidden);
    }
    expect((await api.request("GET", `${BASE}${created.id}/`, { token: user })).body.node_classification).toBe("Staff owned");
  });
});
