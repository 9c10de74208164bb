import type { Bmc } from "../bmc/bmc";
import { modernTypes } from "./schema";
import type { ComponentSpec, InventoryEntry, ModelSpec, VendorProfile } from "./types";

const ALNUM = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

const models: ModelSpec[] = [
  {
    name: "ThinkSystem SR650",
    sku: "7X06CTO1WW",
    hostPrefix: "sr650",
    cpu: { model: "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", count: 2, cores: 20, threads: 40, speedMhz: 2500 },
    dimms: { count: 12, sizeMiB: 32768, speedMhz: 2933, type: "DDR4", partNumber: "M393A4K40CB2-CVF" },
    nicPorts: 2,
    drives: { count: 2, model: "MTFDDAK480TDS", capacityBytes: 480103981056, media: "SSD", protocol: "SATA" },
    managerModel: "Lenovo XClarity Controller",
  },
  {
    name: "ThinkSystem SR630",
    sku: "7X02CTO1WW",
    hostPrefix: "sr630",
    cpu: { model: "Intel(R) Xeon(R) Silver 4210 CPU @ 2.20GHz", count: 2, cores: 10, threads: 20, speedMhz: 2200 },
    dimms: { count: 8, sizeMiB: 32768, speedMhz: 2400, type: "DDR4", partNumber: "M393A4K40CB2-CVF" },
    nicPorts: 2,
    drives: { count: 2, model: "MTFDDAK480TDS", capacityBytes: 480103981056, media: "SSD", protocol: "SATA" },
    managerModel: "Lenovo XClarity Controller",
  },
];

const components: ComponentSpec[] = [
  { type: "bios", id: () => "UEFI", name: () => "UEFI", softwareId: "UEFI", versions: ["2.70", "3.10", "3.30"] },
  { type: "bmc", id: () => "BMC-Primary", name: () => "XCC", softwareId: "XCC", versions: ["8.90", "9.10", "9.50"] },
  {
    type: "storage_controller",
    id: () => "Slot_5.Bundle",
    name: () => "ThinkSystem RAID 930-8i 2GB Flash PCIe 12Gb Adapter",
    softwareId: "930-8i",
    versions: ["51.14.0-3862", "51.18.0-4455"],
  },
  {
    type: "nic",
    id: () => "OB_1.Bundle",
    name: () => "ThinkSystem Broadcom 57414 10/25GbE SFP28 2-port OCP Ethernet Adapter",
    softwareId: "57414",
    versions: ["218.0.219.23", "222.1.68.0"],
  },
];

/** XCC keeps the image it replaced in a backup bank, and lists LXPM beside the firmware. */
function extras(bmc: Bmc): InventoryEntry[] {
  const primary = bmc.installed.get("bmc") ?? "";
  return [
    { id: "BMC-Backup", name: "XCC Backup", version: bmc.previous.get("bmc") ?? primary, softwareId: "XCC", updateable: false },
    { id: "LXPM", name: "LXPM", version: "2.08", softwareId: "LXPM", updateable: false },
  ];
}

export const lenovo: VendorProfile = {
  key: "lenovo",
  family: "lenovo",
  vendorName: "Lenovo",
  manufacturer: "Lenovo",
  product: (model) => model.name,
  redfishVersion: "1.15.0",
  models,
  ids: {
    system: "1",
    manager: "1",
    chassis: "1",
    storage: "RAID_Slot5",
    volume: "Volume0",
    managerNic: "NIC",
    account: "1",
    processor: (n) => String(n),
    dimm: (n) => String(n),
    nic: (n) => `NIC${n}`,
    drive: (n) => `Disk_${n - 1}`,
  },
  trailingSlash: false,
  caseInsensitive: false,
  baseRegistry: "Base.1.8",
  odataType: modernTypes({ ComputerSystem: "v1_13_0", Manager: "v1_9_0" }),
  components,
  identity: { serial: (rng) => `J30${rng.chars(ALNUM, 5)}`, oui: "08:94:EF" },
  headers: {},
  sessions: { id: (counter) => String(counter), max: 16, limitStatus: 503, absoluteLocation: false },
  tasks: {
    id: (counter) => String(counter),
    monitor: {
      pattern: "/redfish/v1/TaskService/TaskMonitors/:id",
      path: (taskId) => `/redfish/v1/TaskService/TaskMonitors/${taskId}`,
      policy: "delete-task-after-read",
    },
    scheduledUntilReset: false,
  },
  simpleUpdate: true,
  successBody: false,
  oem: {
    system: (bmc) => ({
      Lenovo: {
        "@odata.type": "#LenovoComputerSystem.v1_0_0.LenovoComputerSystem",
        SystemStatus: bmc.power === "On" ? "OSBooted" : "SystemPowerOff_StateUnknown",
      },
    }),
    manager: () => ({ Lenovo: { "@odata.type": "#LenovoManager.v1_0_0.LenovoManagerProperties", release_name: "tsm" } }),
  },
  inventoryExtras: extras,
};
