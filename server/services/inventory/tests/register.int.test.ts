import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodes, pools, servers } from "~/db/schema";
import { startFleet, type Fleet } from "~/simulator";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestNode, createTestServer } from "~/server/testing/inventory";
import { createNodeFor, createTestProfile, expectServerMatchesSimulator } from "~/server/testing/registration";

let api: TestApi;
let fleet: Fleet;
let staff: string;
let profile: number;

beforeAll(async () => {
  api = await startTestApi();
  staff = (await createTestUser(api.db, { isStaff: true })).token;
  // Every vendor profile, and iLO 5 2.46 with its storage under SmartStorage only.
  fleet = await startFleet({
    base: "127.58.1.1",
    seed: 581,
    bmcs: [{ vendor: "dell" }, { vendor: "hpe-ilo5" }, { vendor: "hpe-ilo4" }, { vendor: "supermicro" }, { vendor: "lenovo" }, { vendor: "hpe-ilo5", quirks: { smartStorageOnly: true } }],
  });
  profile = (await createTestProfile(api, staff, [{ username: "root", password: "bmc_password" }])).id;
});
afterAll(() => Promise.all([fleet.stop(), api.close()]));

const register = (nodeId: number, json: unknown = { auth_profile: profile }, token = staff) => api.request("POST", `/api/node/${nodeId}/register/`, { token, json });

describe("POST /api/node/{id}/register/", () => {
  it("registers every vendor profile with an inventory that matches the simulator field by field, leaving no session", async () => {
    for (const bmc of fleet.bmcs) {
      const node = await createNodeFor(api, fleet, bmc);
      const response = await register(node.id);
      expect(response.status, `${bmc.vendor}: ${JSON.stringify(response.body)}`).toBe(200);
      expect(response.body).toMatchObject({ node: node.id, serial_number: bmc.serial });
      await expectServerMatchesSimulator(api, staff, response.body.id, bmc);
      expect(bmc.sessions, bmc.vendor).toEqual([]);
      const after = (await api.request("GET", `/api/node/${node.id}/`, { token: staff })).body;
      expect(after).toMatchObject({ status: "registered", status_message: "", auth_profile: profile, server: response.body.id, servers: [response.body.id] });
      // The scan knew nothing of a root that wanted credentials: the crawl fills it in.
      expect(after.vendor).toBe(response.body.manufacturer);
    }
  });

  it("registers again without duplicating, keeping the id and the name an operator gave", async () => {
    const bmc = fleet.bmcs[0]!;
    const [node] = await api.db.select().from(nodes).where(eq(nodes.ip, bmc.address));
    const first = (await register(node!.id)).body;
    await api.db.update(servers).set({ name: "rack5-db-01", nameSetByOperator: true }).where(eq(servers.id, first.id));
    const again = await register(node!.id);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.id, name: "rack5-db-01" });
    expect(await api.db.select({ id: servers.id }).from(servers).where(eq(servers.serialNumber, bmc.serial))).toEqual([{ id: first.id }]);
  });
});

describe("validation and access", () => {
  it("answers 400 on the body, 404 for a missing node, 403 for a non-staff user who can see it", async () => {
    // Nothing answers there: none of these may get as far as the BMC.
    const node = await createTestNode(api.db, { ip: "127.58.1.200", certificateSha256: "a".repeat(64) });
    expect((await register(node.id, {})).body).toEqual({ auth_profile: ["This field is required."] });
    expect((await register(node.id, { auth_profile: 999999 })).body).toEqual({ auth_profile: ['Invalid pk "999999" - object does not exist.'] });
    const empty = await createTestProfile(api, staff, [], "Empty profile");
    expect((await register(node.id, { auth_profile: empty.id })).body).toEqual({ auth_profile: [`Auth profile "Empty profile" (id ${empty.id}) has no credentials: add the BMC account first.`] });
    expect((await register(999999)).body).toEqual({ detail: "No Node matches the given query." });
    const user = (await createTestUser(api.db, { groups: [1] })).token;
    // A node without a server in the user's pools is invisible: 404 before the body is read.
    expect((await register(node.id, {}, user)).status).toBe(404);
    const pool = (await api.db.insert(pools).values({ name: "Rack 58", groupId: 1 }).returning())[0]!;
    await createTestServer(api.db, { nodeId: node.id, resourcePoolId: pool.id });
    expect(await register(node.id, {}, user)).toMatchObject({ status: 403, body: { detail: "You do not have permission to perform this action." } });
    expect((await api.request("GET", `/api/node/${node.id}/`, { token: staff })).body.status).toBe("discovered");
  });
});
