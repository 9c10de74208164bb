import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleet, type BmcHandle, type Fleet } from "~/simulator";
import type { Bmc } from "~/simulator/bmc/bmc";
import { hostIpv4 } from "~/simulator/bmc/hardware";
import { inventoryOf } from "~/simulator/bmc/inventory";
import { PROFILES } from "~/simulator/vendors";
import type { InventoryEntry } from "~/simulator/vendors/types";
import { withBmc } from "./client";
import { installedVersionIn, readInstalledVersion, type ComponentRef } from "./confirm";
import { readFirmwareInventory, readInventory, type FirmwareComponent, type Inventory } from "./inventory";
import { canonicalVendor } from "~/server/lib/vendors";
import { clientOptionsFor } from "./testing/fleet";

let fleet: Fleet;

beforeAll(async () => {
  fleet = await startFleet({ count: 5, vendor: "mixed", base: "127.53.4.1", seed: 11 });
});
afterAll(() => fleet.stop());

const COMPONENT_OF: Record<string, FirmwareComponent> = {
  bios: "bios",
  bmc: "bmc",
  storage_controller: "storage_controller",
  lsi_3108: "storage_controller",
  nic: "nic",
  service_pack: "other",
};

/** The entry as the simulator serves it, and the component its type stands for (Dell's `Current-` BIOS duplicate is `other`). */
function expectedComponent(entry: InventoryEntry): FirmwareComponent {
  return entry.type && !entry.id.startsWith("Current-") ? COMPONENT_OF[entry.type] : "other";
}

/** Field-by-field comparison of an inventory with the simulated BMC's own state. */
function expectMatchesSimulator(inventory: Inventory, handle: BmcHandle) {
  const bmc = handle as unknown as Bmc;
  const profile = PROFILES[bmc.vendor];
  const model = profile.models.find((candidate) => candidate.name === bmc.model)!;
  expect(inventory.systems).toHaveLength(1);
  const [system] = inventory.systems;
  expect(system).toMatchObject({
    uuid: bmc.identity.uuid,
    serialNumber: bmc.serial,
    manufacturer: profile.manufacturer,
    model: bmc.model,
    sku: bmc.identity.sku,
    hostName: bmc.identity.hostName,
    powerState: bmc.powerState,
    biosVersion: bmc.firmware.bios,
    manager: { firmwareVersion: bmc.firmware.bmc, model: model.managerModel, uuid: bmc.identity.managerUuid },
    memory: { dimmCount: model.dimms.count, totalGiB: (model.dimms.count * model.dimms.sizeMiB) / 1024 },
  });
  expect(system.odataId.replace(/\/$/, "")).toBe(bmc.paths.system);
  expect(system.processors).toHaveLength(model.cpu.count);
  for (const cpu of system.processors!) {
    expect(cpu).toMatchObject({ model: model.cpu.model, cores: model.cpu.cores, threads: model.cpu.threads, speedMhz: model.cpu.speedMhz });
  }
  expect(system.ethernetInterfaces!.map((nic) => nic.macAddress)).toEqual(bmc.identity.macs);
  expect(system.ethernetInterfaces!.map((nic) => [nic.linkStatus, nic.ipv4Addresses])).toEqual(
    bmc.identity.macs.map((_, i) => (hostIpv4(bmc, i + 1) ? ["LinkUp", [hostIpv4(bmc, i + 1)]] : ["LinkDown", []])),
  );
  const controllerType = bmc.firmware.lsi_3108 !== undefined ? "lsi_3108" : "storage_controller";
  expect(system.storage).toHaveLength(1);
  expect(system.storage![0].source).toBe(bmc.storage === "smart-storage" ? "hpe_smart_storage" : "storage");
  expect(system.storage![0].controllers[0].firmwareVersion).toBe(bmc.firmware[controllerType]);
  expect(system.storage![0].drives.map((drive) => drive.model)).toEqual(Array(model.drives.count).fill(model.drives.model));
  expect(system.storage![0].volumes.map((volume) => volume.raidType)).toEqual(["RAID1"]);
  const served = inventoryOf(bmc);
  expect(system.firmware).toHaveLength(served.length);
  // iLO 4's own inventory has no ids or flags, only names and versions per device class.
  const legacy = bmc.vendor === "hpe-ilo4";
  for (const entry of served) {
    const read = system.firmware!.find((candidate) => (legacy ? candidate.name === entry.name && candidate.version === entry.version : candidate.id === entry.id));
    expect(read, `${bmc.vendor} ${entry.id}`).toMatchObject({ name: entry.name, version: entry.version, component: expectedComponent(entry) });
    if (!legacy) expect(read).toMatchObject({ softwareId: entry.softwareId ?? null, updateable: entry.updateable });
  }
  for (const component of ["bios", "bmc"] as const) {
    expect(system.firmware!.filter((entry) => entry.component === component), `${bmc.vendor} ${component}`).toHaveLength(1);
  }
}

describe("readInventory against the simulated vendors", () => {
  it("matches each simulated BMC field by field and leaves no session behind", async () => {
    for (const bmc of fleet.bmcs) {
      const inventory = await withBmc(clientOptionsFor(fleet, bmc), readInventory);
      expect(inventory).toMatchObject({ bmc: `${bmc.address}:${bmc.port}`, protocol: "redfish", serviceUuid: bmc.identity.managerUuid });
      expect(canonicalVendor(inventory.vendor!)).toBe(canonicalVendor(PROFILES[bmc.vendor].manufacturer));
      expectMatchesSimulator(inventory, bmc);
      expect(bmc.sessions).toHaveLength(0);
    }
  });

  it("reads the same inventory through iLO 4's legacy /rest/v1 tree", async () => {
    const ilo4 = fleet.bmcs.find((bmc) => bmc.vendor === "hpe-ilo4")!;
    const inventory = await withBmc(clientOptionsFor(fleet, ilo4, { protocol: "rest" }), readInventory);
    expect(inventory.protocol).toBe("rest");
    expectMatchesSimulator(inventory, ilo4);
    expect(inventory.firmware!.find((entry) => entry.component === "bios")).toMatchObject({ id: "SystemRomActive.0", updateable: null });
  });

  it("reads iLO 5's storage from Smart Storage alone when the firmware serves no DMTF Storage (iLO 5 2.46)", async () => {
    const smartOnly = await startFleet({ base: "127.53.4.20", seed: 12, bmcs: [{ vendor: "hpe-ilo5", quirks: { smartStorageOnly: true } }] });
    try {
      const [bmc] = smartOnly.bmcs;
      const inventory = await withBmc(clientOptionsFor(smartOnly, bmc), readInventory);
      expectMatchesSimulator(inventory, bmc);
      expect(inventory.systems[0].storage![0].controllers[0]).toMatchObject({ manufacturer: "HPE", firmwareVersion: bmc.firmware.storage_controller });
    } finally {
      await smartOnly.stop();
    }
  });
});

describe("installedVersionIn: a firmware reading answers as a read of the component would", () => {
  it("gives each system's BIOS, its manager's and its DMTF inventory entries' versions, and nothing it does not hold", async () => {
    let answered = 0;
    let renamedFound = 0;
    for (const bmc of fleet.bmcs) {
      await withBmc(clientOptionsFor(fleet, bmc), async (client) => {
        const reading = await readFirmwareInventory(client);
        for (const system of reading.systems) {
          const refs: ComponentRef[] = [
            { component: "bios", systemPath: system.odataId, managerPath: null },
            { component: "bmc", systemPath: system.odataId, managerPath: system.manager!.odataId },
            ...(system.firmware ?? []).map((entry) => ({ component: entry.component, systemPath: system.odataId, managerPath: null, inventoryId: entry.odataId })),
          ];
          // Dell's ids embed the version: an entry as it was named before an update is found again by its stable key.
          const renamed = (system.firmware ?? [])
            .map((entry) => ({ entry, before: entry.odataId.replace(/\/([a-z]+-\d+)-[^/]*?(__[^/]+)$/i, "/$1-0.0.1$2") }))
            .filter(({ entry, before }) => before !== entry.odataId && entry.component !== "bios" && entry.component !== "bmc");
          for (const { entry, before } of renamed) {
            const ref = { component: entry.component, systemPath: system.odataId, managerPath: null, inventoryId: before };
            expect(installedVersionIn(reading, ref, client.vendor)).toBe(entry.version);
            expect(await readInstalledVersion(client, ref)).toBe(entry.version);
            renamedFound++;
          }
          for (const ref of refs) {
            const version = installedVersionIn(reading, ref, client.vendor);
            // A legacy entry (iLO 4: a pointer into a resource) is read again; BIOS and BMC come from their system and manager.
            if (ref.component !== "bios" && ref.component !== "bmc" && ref.inventoryId?.includes("#")) expect(version).toBeUndefined();
            if (version === undefined) continue;
            expect(version).toBe(await readInstalledVersion(client, ref));
            answered++;
          }
          expect(installedVersionIn(reading, { component: "bmc", systemPath: system.odataId, managerPath: "/redfish/v1/Managers/another" }, client.vendor)).toBeUndefined();
          expect(installedVersionIn(reading, { component: "bios", systemPath: "/redfish/v1/Systems/another", managerPath: null }, client.vendor)).toBeUndefined();
          // A system resource the caller just read holds its BIOS version: not read again; another system's is read.
          const bios = { component: "bios" as const, systemPath: system.odataId, managerPath: null };
          expect(await readInstalledVersion(client, bios, { path: system.odataId, resource: { BiosVersion: "just read" } })).toBe("just read");
          expect(await readInstalledVersion(client, bios, { path: "/redfish/v1/Systems/another", resource: { BiosVersion: "just read" } })).toBe(system.biosVersion);
        }
      });
    }
    // Every system's BIOS and BMC, and more; and the Dell BMC's versioned entries.
    expect(answered).toBeGreaterThan(2 * fleet.bmcs.length);
    expect(renamedFound).toBeGreaterThan(0);
  });
});
