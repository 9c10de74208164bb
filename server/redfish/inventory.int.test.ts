import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleet, type BmcHandle, type Fleet } from "~/simulator";
import { PROFILES } from "~/simulator/vendors";
import { withBmc } from "./client";
import { readInventory, type FirmwareComponent, type Inventory } from "./inventory";
import { canonicalManufacturer } from "./vendors";
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

/** Field-by-field comparison of an inventory with the simulated BMC's own state. */
function expectMatchesSimulator(inventory: Inventory, bmc: BmcHandle) {
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
    memory: { dimmCount: bmc.identity.dimmSerials.length, totalGiB: (model.dimms.count * model.dimms.sizeMiB) / 1024 },
  });
  expect(system.odataId.replace(/\/$/, "")).toBe(bmc.paths.system);
  expect(system.processors).toHaveLength(model.cpu.count);
  for (const cpu of system.processors!) {
    expect(cpu).toMatchObject({ model: model.cpu.model, cores: model.cpu.cores, threads: model.cpu.threads, speedMhz: model.cpu.speedMhz });
  }
  expect(system.ethernetInterfaces!.map((nic) => nic.macAddress)).toEqual(bmc.identity.macs);
  expect(system.ethernetInterfaces!.every((nic) => nic.linkStatus === "LinkUp" && nic.speedMbps === 25000)).toBe(true);
  const controllerType = bmc.firmware.lsi_3108 !== undefined ? "lsi_3108" : "storage_controller";
  expect(system.storage).toHaveLength(1);
  expect(system.storage![0].controllers[0].firmwareVersion).toBe(bmc.firmware[controllerType]);
  expect(system.storage![0].drives.map((drive) => drive.serialNumber)).toEqual(bmc.identity.driveSerials);
  expect(system.storage![0].volumes.map((volume) => volume.raidType)).toEqual(["RAID1"]);
  for (const [type, version] of Object.entries(bmc.firmware)) {
    const entries = system.firmware!.filter((entry) => entry.component === COMPONENT_OF[type] && entry.version === version);
    expect(entries.length, `${bmc.vendor} ${type} ${version}`).toBeGreaterThanOrEqual(1);
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
      expect(canonicalManufacturer(inventory.vendor)).toBe(canonicalManufacturer(PROFILES[bmc.vendor].manufacturer));
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

  it("classifies the vendors' own inventory ids", async () => {
    const byVendor = new Map<string, Inventory>();
    for (const bmc of fleet.bmcs) byVendor.set(bmc.vendor, await withBmc(clientOptionsFor(fleet, bmc), readInventory));
    const components = (vendor: string) => Object.fromEntries(byVendor.get(vendor)!.firmware!.map((entry) => [entry.id, entry.component]));
    expect(components("lenovo")).toMatchObject({ UEFI: "bios", "BMC-Primary": "bmc", "BMC-Backup": "other", LXPM: "other" });
    expect(components("supermicro")).toEqual({ BIOS: "bios", BMC: "bmc", "HA-RAID.0": "storage_controller", "NIC.0": "nic" });
    expect(components("hpe-ilo5")).toEqual({ "1": "bmc", "2": "bios", "3": "storage_controller", "4": "nic", "5": "other" });
    const dell = fleet.bmcs.find((bmc) => bmc.vendor === "dell")!;
    expect(components("dell")).toEqual({
      [`Installed-159-${dell.firmware.bios}`]: "bios",
      [`Installed-25227-${dell.firmware.bmc}`]: "bmc",
      [`Installed-104537-${dell.firmware.storage_controller}`]: "storage_controller",
      [`Installed-108245-${dell.firmware.nic}`]: "nic",
    });
  });
});
