import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodes, serverFirmwares, serverProcessors, servers } from "~/db/schema";
import { readFirmwareInventory, withBmc } from "~/server/redfish";
import { clientOptionsFor } from "~/server/redfish/testing/fleet";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { startFleet, type BmcHandle, type Fleet } from "~/simulator";
import type { Bmc } from "~/simulator/bmc/bmc";
import { inventoryOf } from "~/simulator/bmc/inventory";
import { acquireBmcLease, BmcLeaseLostError } from "../../bmc-operations";
import { registerBmcs } from "../../remediation/testing/fleet";
import { storeFirmwareReading } from "..";

let api: TestApi;
let fleet: Fleet;
let staff: string;
const ids: number[] = [];

beforeAll(async () => {
  api = await startTestApi();
  staff = (await createTestUser(api.db, { isStaff: true })).token;
  fleet = await startFleet({ base: "127.58.10.1", seed: 5810, timings: { powerMs: 20 }, bmcs: [{ vendor: "dell" }, { vendor: "supermicro" }] });
  ids.push(...(await registerBmcs(api, staff, fleet.bmcs, fleet.certificate!)).map((server) => server.id));
});
afterAll(() => Promise.all([fleet.stop(), api.close()]));

const nodeOf = async (bmc: BmcHandle) => (await api.db.select().from(nodes).where(eq(nodes.ip, bmc.address)))[0]!;
const firmwaresOf = (serverId: number) => api.db.select().from(serverFirmwares).where(eq(serverFirmwares.serverId, serverId)).orderBy(asc(serverFirmwares.id));
const serverRow = async (serverId: number) => (await api.db.select().from(servers).where(eq(servers.id, serverId)))[0]!;
const remediation = { kind: "remediation" as const, owner: "remediation:request-server:1", description: "firmware request 1" };

describe("re-reading the firmware after an update (remediation)", () => {
  it.each([0, 1])("stores what the flash changed under the holder's lease, only the changed entries, nothing else (BMC %i)", async (index) => {
    const bmc = fleet.bmcs[index]!;
    const simulated = bmc as unknown as Bmc;
    const node = await nodeOf(bmc);
    const before = await firmwaresOf(ids[index]!);
    const processorsBefore = await api.db.select().from(serverProcessors).where(eq(serverProcessors.serverId, ids[index]!));
    const serverBefore = await serverRow(ids[index]!);
    const storage = simulated.installed.has("lsi_3108") ? "lsi_3108" : "storage_controller";
    simulated.installed.set("bios", `${simulated.firmware.bios}9`);
    simulated.installed.set(storage, `${simulated.firmware[storage]}9`);
    const lease = await acquireBmcLease(node, remediation, { waitMs: 0 });
    try {
      // The host powered off meanwhile: not a firmware fact, so not re-read.
      await withBmc(clientOptionsFor(fleet, bmc), async (client) => {
        await client.postAction(await client.getResource(serverBefore.systemPath), "#ComputerSystem.Reset", { ResetType: "ForceOff" });
        expect(await storeFirmwareReading(api.db, await readFirmwareInventory(client), node.id, lease)).toEqual([ids[index]]);
      });
    } finally {
      await lease.release();
    }
    const server = await serverRow(ids[index]!);
    expect(server).toMatchObject({ biosVersion: simulated.firmware.bios, bmcFirmwareVersion: simulated.firmware.bmc, powerState: serverBefore.powerState });
    expect(server.inventoryUpdatedAt!.getTime()).toBeGreaterThan(serverBefore.inventoryUpdatedAt!.getTime());
    const after = await firmwaresOf(ids[index]!);
    expect(after.map((row) => [row.inventoryId, row.version]).sort()).toEqual(inventoryOf(simulated).map((entry) => [entry.id, entry.version]).sort());
    // An entry the flash did not change keeps its row; the changed ones are new rows.
    const same = (a: (typeof after)[number], b: (typeof after)[number]) => a.inventoryId === b.inventoryId && a.version === b.version && a.name === b.name;
    const kept = after.filter((row) => before.some((old) => old.id === row.id));
    expect(kept.length).toBe(before.filter((old) => after.some((row) => same(row, old))).length);
    for (const row of kept) expect(same(row, before.find((old) => old.id === row.id)!)).toBe(true);
    expect(after.length - kept.length).toBeGreaterThanOrEqual(2);
    expect(await api.db.select().from(serverProcessors).where(eq(serverProcessors.serverId, ids[index]!))).toEqual(processorsBefore);
    // A registration that finds nothing new writes no firmware row either.
    expect((await api.request("POST", `/api/server/${ids[index]}/refresh/`, { token: staff })).status).toBe(200);
    expect(await firmwaresOf(ids[index]!)).toEqual(after);
    expect(bmc.sessions).toEqual([]);
  });

  it("writes nothing once the lease is lost", async () => {
    const bmc = fleet.bmcs[0]!;
    const simulated = bmc as unknown as Bmc;
    const node = await nodeOf(bmc);
    const stored = await serverRow(ids[0]!);
    const firmwares = await firmwaresOf(ids[0]!);
    simulated.installed.set("bios", `${simulated.firmware.bios}8`);
    const lease = await acquireBmcLease(node, remediation, { waitMs: 0 });
    await lease.release();
    const other = await acquireBmcLease(node, { kind: "refresh", owner: "api:other", description: "a refresh" }, { waitMs: 0 });
    try {
      await expect(withBmc(clientOptionsFor(fleet, bmc), async (client) => storeFirmwareReading(api.db, await readFirmwareInventory(client), node.id, lease))).rejects.toBeInstanceOf(BmcLeaseLostError);
    } finally {
      await other.release();
    }
    expect((await serverRow(ids[0]!)).biosVersion).toBe(stored.biosVersion);
    expect(await firmwaresOf(ids[0]!)).toEqual(firmwares);
  });
});
