import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servers } from "~/db/schema";
import { sha256OfPem } from "~/server/redfish/testing/fleet";
import { startMockupServer } from "~/server/redfish/testing/mockup-server";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestNode } from "~/server/testing/inventory";
import { createTestProfile } from "~/server/testing/registration";

const BLADES = ["529QB9450R6", "529QB9451R6", "529QB9452R6", "529QB9453R6"];
let api: TestApi;
let mockup: Awaited<ReturnType<typeof startMockupServer>>;
let staff: string;
let nodeId: number;
let profile: number;

beforeAll(async () => {
  api = await startTestApi();
  staff = (await createTestUser(api.db, { isStaff: true })).token;
  mockup = await startMockupServer({ mockup: "public-bladed", host: "127.58.3.1" });
  profile = (await createTestProfile(api, staff, [{ username: mockup.username, password: mockup.password }])).id;
  nodeId = (await createTestNode(api.db, { ip: mockup.host, port: mockup.port, vendor: "", certificateSha256: sha256OfPem(mockup.certificate) })).id;
});
afterAll(() => Promise.all([mockup.stop(), api.close()]));

const register = () => api.request("POST", `/api/node/${nodeId}/register/`, { token: staff, json: { auth_profile: profile } });
const bladeServers = () => api.db.select().from(servers).where(eq(servers.nodeId, nodeId)).orderBy(servers.id);

describe("a BMC that manages several systems (DMTF public-bladed)", () => {
  it("registers each system as its own server, answers the first, and lists all on the node", async () => {
    const response = await register();
    expect(response.status).toBe(200);
    const rows = await bladeServers();
    expect(rows.map((row) => [row.serialNumber, row.name, row.systemPath, row.managerPath, row.bmcFirmwareVersion])).toEqual(
      BLADES.map((serial, i) => [serial, serial, `/redfish/v1/Systems/${serial}`, `/redfish/v1/Managers/Blade${i + 1}BMC`, "1.00"]),
    );
    expect(response.body).toMatchObject({ id: rows[0]!.id, manufacturer: "Contoso", model: "SX1000", bios_version: "P86 v1.58 (10/15/2015)", memory_gib: 64, processor_count: 1 });
    const node = (await api.request("GET", `/api/node/${nodeId}/`, { token: staff })).body;
    expect(node).toMatchObject({ status: "registered", server: rows[0]!.id, servers: rows.map((row) => row.id) });
    expect(mockup.sessions.size).toBe(0);
  });

  it("registers again without duplicating any blade (matched by serial number: the mockup reports no UUID)", async () => {
    const before = (await bladeServers()).map((row) => row.id);
    expect((await register()).status).toBe(200);
    expect((await bladeServers()).map((row) => row.id)).toEqual(before);
  });

  it("refuses to refresh a blade its BMC no longer reports, changing nothing", async () => {
    const [first, pulled] = await bladeServers();
    mockup.replace("/redfish/v1/Systems", (collection: { Members: { "@odata.id": string }[] }) => ({
      ...collection,
      Members: collection.Members.filter((member) => !member["@odata.id"].endsWith(BLADES[1]!)),
      "Members@odata.count": 3,
    }));
    const response = await api.request("POST", `/api/server/${pulled!.id}/refresh/`, { token: staff });
    expect(response.status).toBe(400);
    expect(response.body.detail).toBe(`BMC 127.58.3.1:${mockup.port} no longer reports the system of server "${BLADES[1]}" (/redfish/v1/Systems/${BLADES[1]}); nothing was changed.`);
    const [after] = await api.db.select().from(servers).where(eq(servers.id, first!.id));
    expect(after!.inventoryUpdatedAt).toEqual(first!.inventoryUpdatedAt);
    expect(mockup.sessions.size).toBe(0);
  });
});
