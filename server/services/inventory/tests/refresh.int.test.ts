import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodes, pools, serverFirmwares, servers } from "~/db/schema";
import { readInventory, withBmc } from "~/server/redfish";
import { clientOptionsFor } from "~/server/redfish/testing/fleet";
import { startFleet, type Fleet } from "~/simulator";
import type { Bmc } from "~/simulator/bmc/bmc";
import { inventoryOf } from "~/simulator/bmc/inventory";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createNodeFor, createTestProfile } from "~/server/testing/registration";
import { eventually } from "~/server/testing/scans";
import { acquireBmcLease } from "../../bmc-operations";
import { refreshEveryRegisteredServer } from "..";

let api: TestApi;
let fleet: Fleet;
let staff: string;
const ids: number[] = [];
const system = () => ({ actor: { kind: "system" as const }, db: api.db });

beforeAll(async () => {
  process.env.RACKPILOT_BMC_LOCK_WAIT = "0.3";
  api = await startTestApi();
  staff = (await createTestUser(api.db, { isStaff: true })).token;
  fleet = await startFleet({ base: "127.58.5.1", seed: 585, timings: { powerMs: 20 }, bmcs: [{ vendor: "dell" }, { vendor: "hpe-ilo5" }] });
  const profile = await createTestProfile(api, staff, [{ username: "root", password: "bmc_password" }]);
  for (const bmc of fleet.bmcs) {
    const node = await createNodeFor(api, fleet, bmc);
    ids.push((await api.request("POST", `/api/node/${node.id}/register/`, { token: staff, json: { auth_profile: profile.id } })).body.id);
  }
});
afterAll(() => Promise.all([fleet.stop(), api.close()]));

const refresh = (id: number, token = staff) => api.request("POST", `/api/server/${id}/refresh/`, { token });

describe("POST /api/server/{id}/refresh/", () => {
  it("re-reads what changed on the BMC and keeps the name an operator gave", async () => {
    const bmc = fleet.bmcs[0]!;
    await api.db.update(servers).set({ name: "db-primary", nameSetByOperator: true }).where(eq(servers.id, ids[0]!));
    const before = (await api.request("GET", `/api/server/${ids[0]}/`, { token: staff })).body;
    await withBmc(clientOptionsFor(fleet, bmc), async (client) => {
      const [system] = (await readInventory(client)).systems;
      await client.postAction(await client.getResource(system!.odataId), "#ComputerSystem.Reset", { ResetType: "ForceOff" });
    });
    await eventually(async () => (bmc.powerState === "Off" ? true : undefined), 5_000, "the host to power off");
    const response = await refresh(ids[0]!);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: ids[0], name: "db-primary", power_state: "Off", serial_number: bmc.serial });
    expect(response.body.inventory_updated_at > before.inventory_updated_at).toBe(true);
    expect(bmc.sessions).toEqual([]);
  });

  it("stores only the firmware entries that changed: the others keep their rows", async () => {
    const simulated = fleet.bmcs[0] as unknown as Bmc;
    const firmwaresOf = () => api.db.select().from(serverFirmwares).where(eq(serverFirmwares.serverId, ids[0]!)).orderBy(asc(serverFirmwares.id));
    const before = await firmwaresOf();
    // The iDRAC lists the BIOS twice (its current and installed images), both renamed with their version.
    const changed = before.filter((row) => row.inventoryId.endsWith("__BIOS.Setup.1-1"));
    expect(changed).toHaveLength(2);
    simulated.installed.set("bios", `${simulated.firmware.bios}7`);
    expect((await refresh(ids[0]!)).status).toBe(200);
    const after = await firmwaresOf();
    expect(after.map((row) => [row.inventoryId, row.version]).sort()).toEqual(inventoryOf(simulated).map((entry) => [entry.id, entry.version]).sort());
    const gone = before.filter((row) => !after.some((kept) => kept.id === row.id));
    expect(gone).toEqual(changed);
    expect(after.filter((row) => !before.some((old) => old.id === row.id)).map((row) => row.version)).toEqual([simulated.firmware.bios, simulated.firmware.bios]);
  });

  it("renames a server the operator never renamed after its host name", async () => {
    await api.db.update(servers).set({ name: "stale-name" }).where(eq(servers.id, ids[1]!));
    expect((await refresh(ids[1]!)).body.name).toBe(fleet.bmcs[1]!.identity.hostName);
  });

  it("puts the node unreachable when the BMC drops every connection, 400 naming it", async () => {
    const bmc = fleet.bmcs[1]!;
    bmc.setFaults({ resetRate: 1 });
    try {
      const response = await refresh(ids[1]!);
      expect(response.status).toBe(400);
      expect(response.body.detail).toMatch(new RegExp(`^BMC ${bmc.address}:${bmc.port} dropped the connection`));
      const [node] = await api.db.select().from(nodes).where(eq(nodes.ip, bmc.address));
      expect(node).toMatchObject({ status: "unreachable", statusMessage: response.body.detail });
    } finally {
      bmc.clearFaults();
    }
    expect((await refresh(ids[1]!)).status).toBe(200);
  });

  it("answers 404 for a server the user cannot see, 403 for one they can", async () => {
    const user = (await createTestUser(api.db, { groups: [1] })).token;
    expect(await refresh(ids[0]!, user)).toMatchObject({ status: 404, body: { detail: "No Server matches the given query." } });
    const pool = (await api.db.insert(pools).values({ name: "Rack 585", groupId: 1 }).returning())[0]!;
    await api.db.update(servers).set({ resourcePoolId: pool.id }).where(eq(servers.id, ids[0]!));
    expect(await refresh(ids[0]!, user)).toMatchObject({ status: 403, body: { detail: "You do not have permission to perform this action." } });
  });
});

describe("refreshing every registered server (the nightly run)", () => {
  it("refreshes each BMC once and reports a busy one without waiting for it", async () => {
    const [busyNode] = await api.db.select().from(nodes).where(eq(nodes.ip, fleet.bmcs[1]!.address));
    const lease = await acquireBmcLease(busyNode!, { kind: "remediation", owner: "remediation:1", description: "the remediation request #1" }, { waitMs: 0 });
    try {
      const result = await refreshEveryRegisteredServer({ ctx: system() });
      expect(result).toMatchObject({ bmcs: 2, refreshed: 1, failed: [{ node: busyNode!.id, message: expect.stringContaining("busy with another operation: the remediation request #1") }] });
    } finally {
      await lease.release();
    }
    expect(await refreshEveryRegisteredServer({ ctx: system() })).toEqual({ bmcs: 2, refreshed: 2, failed: [] });
    for (const bmc of fleet.bmcs) expect(bmc.sessions).toEqual([]);
  });
});
