import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodes, serverFirmwares, serverProcessors, servers } from "~/db/schema";
import { readFirmwareInventory, withBmc, type FirmwareEntry, type FirmwareReading } from "~/server/redfish";
import { clientOptionsFor } from "~/server/redfish/testing/fleet";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestNode, createTestServer } from "~/server/testing/inventory";
import { startFleet, type BmcHandle, type Fleet } from "~/simulator";
import type { Bmc } from "~/simulator/bmc/bmc";
import { inventoryOf } from "~/simulator/bmc/inventory";
import { acquireBmcLease, BmcLeaseLostError } from "../../bmc-operations";
import { registerBmcs } from "../../remediation/testing/fleet";
import { storeFirmwareReading } from "..";
import { firmwareRows } from "../rows";

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

// Readings written by hand: what a BMC answers, entry by entry.
const entry = (id: string, version: string, more: Partial<FirmwareEntry> = {}): FirmwareEntry => ({
  id,
  odataId: `/redfish/v1/UpdateService/FirmwareInventory/${id}`,
  name: id,
  version,
  softwareId: "",
  updateable: true,
  state: "Enabled",
  component: "other",
  systems: [],
  ...more,
});
// As registration stores it.
const storedEntry = (one: FirmwareEntry) => firmwareRows({ firmware: [one] })[0]!;
const systemOf = (odataId: string, firmware: FirmwareEntry[]): FirmwareReading["systems"][number] => ({
  odataId,
  biosVersion: "2.0.0",
  manager: { odataId: "/redfish/v1/Managers/1", id: "1", model: null, managerType: "BMC", firmwareVersion: "7.00", uuid: null, systems: [] },
  firmware,
});
const entriesOf = async (serverId: number) => (await firmwaresOf(serverId)).map(({ id, serverId: _, keywordTypes: _k, nameLower: _n, ...row }) => ({ id, ...row }));
const withoutIds = <T extends { id: number }>(rows: T[]) => rows.map(({ id: _, ...row }) => row);
const byContent = (a: object, b: object) => JSON.stringify(a).localeCompare(JSON.stringify(b));
const nodeSeen = async (nodeId: number) => (await api.db.select({ lastSeen: nodes.lastSeen }).from(nodes).where(eq(nodes.id, nodeId)))[0]!.lastSeen;

describe("storing a firmware reading (one statement)", () => {
  it("makes each server's entries the reported multiset: unchanged rows keep their ids, duplicates pair one to one", async () => {
    const node = await createTestNode(api.db, { status: "registered" });
    const [bios, nic, bmc, storage, cpld, psu, gone] = [
      entry("BIOS", "1.0", { component: "bios" }),
      entry("NIC.1", "20.0", { component: "nic" }),
      entry("iDRAC", "6.0", { component: "bmc", updateable: null }),
      entry("RAID.1", "50.1", { component: "storage_controller" }),
      entry("CPLD", "1.1", { softwareId: "cpld" }),
      entry("PSU.1", "3.0"),
      entry("Gone", "1.0"),
    ];
    const first = await createTestServer(api.db, { nodeId: node.id, systemPath: "/redfish/v1/Systems/1", firmwares: [bios, nic, nic, bmc, storage, cpld, gone, psu].map(storedEntry) });
    const second = await createTestServer(api.db, { nodeId: node.id, systemPath: "/redfish/v1/Systems/2", firmwares: [bios, nic].map(storedEntry) });
    // Not in the reading, or on another BMC at the same path: untouched.
    const unread = await createTestServer(api.db, { nodeId: node.id, systemPath: "/redfish/v1/Systems/3", firmwares: [gone].map(storedEntry) });
    const elsewhere = await createTestServer(api.db, { systemPath: "/redfish/v1/Systems/1", firmwares: [bios, gone].map(storedEntry) });
    const before = await entriesOf(first.id);
    const secondBefore = await entriesOf(second.id);
    const keptIds = (rows: typeof before, ...kept: FirmwareEntry[]) => kept.map((one) => rows.find((row) => row.inventoryId === one.id && row.version === one.version)!.id);
    const untouched = await Promise.all([unread, elsewhere].map(async (server) => ({ server: await serverRow(server.id), entries: await entriesOf(server.id) })));
    await api.db.update(nodes).set({ lastSeen: sql`now() - interval '1 day'` }).where(eq(nodes.id, node.id));
    const seenBefore = await nodeSeen(node.id);

    const reported = [
      bios,
      nic, // two stored, one reported: one deleted
      bmc, // updateable null on both sides: kept
      { ...storage, version: "51.0" },
      { ...cpld, softwareId: "cpld-2" }, // same version, another column changed: replaced
      psu,
      psu, // one stored, two reported: one inserted
      entry("New", "1.0"),
    ];
    const reading: FirmwareReading = {
      systems: [systemOf("/redfish/v1/Systems/2", [bios, nic, nic]), systemOf("/redfish/v1/Systems/9", [bios]), systemOf("/redfish/v1/Systems/1", reported)],
    };
    const lease = await acquireBmcLease(node, remediation, { waitMs: 0 });
    try {
      expect(await storeFirmwareReading(api.db, reading, node.id, lease)).toEqual([second.id, first.id]);
    } finally {
      await lease.release();
    }

    const after = await entriesOf(first.id);
    expect(withoutIds(after).sort(byContent)).toEqual(reported.map(storedEntry).sort(byContent));
    // Of the two identical NIC rows, one is kept.
    const nics = before.filter((row) => row.inventoryId === nic.id).map((row) => row.id);
    const kept = after.filter((row) => before.some((old) => old.id === row.id)).map((row) => row.id);
    expect(kept.filter((id) => !nics.includes(id)).sort()).toEqual(keptIds(before, bios, bmc, psu).sort());
    expect(kept.filter((id) => nics.includes(id))).toHaveLength(1);
    expect(after.length - kept.length).toBe(4);
    const secondAfter = await entriesOf(second.id);
    expect(withoutIds(secondAfter).sort(byContent)).toEqual([bios, nic, nic].map(storedEntry).sort(byContent));
    expect(secondAfter.map((row) => row.id)).toEqual(expect.arrayContaining(secondBefore.map((row) => row.id)));
    for (const server of [first, second]) {
      const row = await serverRow(server.id);
      expect(row).toMatchObject({ biosVersion: "2.0.0", bmcFirmwareVersion: "7.00" });
      expect(row.inventoryUpdatedAt!.getTime()).toBeGreaterThan(server.inventoryUpdatedAt!.getTime());
      expect(row.updatedAt.getTime()).toBeGreaterThan(server.updatedAt.getTime());
    }
    expect((await nodeSeen(node.id))!.getTime()).toBeGreaterThan(seenBefore!.getTime());
    for (const [index, server] of [unread, elsewhere].entries()) {
      expect({ server: await serverRow(server.id), entries: await entriesOf(server.id) }).toEqual(untouched[index]);
    }
  });

  it("skips the systems with no server on record, answering the ids of those written", async () => {
    const node = await createTestNode(api.db, { status: "registered" });
    const server = await createTestServer(api.db, { nodeId: node.id, systemPath: "/redfish/v1/Systems/1", firmwares: [storedEntry(entry("BIOS", "1.0"))] });
    const lease = await acquireBmcLease(node, remediation, { waitMs: 0 });
    try {
      expect(await storeFirmwareReading(api.db, { systems: [systemOf("/redfish/v1/Systems/7", [entry("BIOS", "2.0")])] }, node.id, lease)).toEqual([]);
      expect(await serverRow(server.id)).toEqual(server);
      expect(await nodeSeen(node.id)).not.toBeNull();
      const written = [systemOf("/redfish/v1/Systems/7", []), systemOf("/redfish/v1/Systems/1", [entry("BIOS", "2.0")]), systemOf("/redfish/v1/Systems/8", [])];
      expect(await storeFirmwareReading(api.db, { systems: written }, node.id, lease)).toEqual([server.id]);
    } finally {
      await lease.release();
    }
    expect(withoutIds(await entriesOf(server.id))).toEqual([storedEntry(entry("BIOS", "2.0"))]);
  });

  it("writes nothing when the caller's lease is gone or another's: versions, entries and last seen as they were", async () => {
    const node = await createTestNode(api.db, { status: "registered" });
    const server = await createTestServer(api.db, { nodeId: node.id, systemPath: "/redfish/v1/Systems/1", firmwares: [storedEntry(entry("BIOS", "1.0")), storedEntry(entry("Gone", "1.0"))] });
    const reading = { systems: [systemOf("/redfish/v1/Systems/1", [entry("BIOS", "2.0"), entry("New", "1.0")])] };
    const entries = await entriesOf(server.id);
    const lease = await acquireBmcLease(node, remediation, { waitMs: 0 });
    await lease.release();
    await expect(storeFirmwareReading(api.db, reading, node.id, lease)).rejects.toBeInstanceOf(BmcLeaseLostError);
    const other = await acquireBmcLease(node, { kind: "refresh", owner: "api:other", description: "a refresh" }, { waitMs: 0 });
    try {
      await expect(storeFirmwareReading(api.db, reading, node.id, lease)).rejects.toBeInstanceOf(BmcLeaseLostError);
    } finally {
      await other.release();
    }
    expect(await serverRow(server.id)).toEqual(server);
    expect(await entriesOf(server.id)).toEqual(entries);
    expect(await nodeSeen(node.id)).toBeNull();
  });
});
