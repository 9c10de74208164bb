import type { Bmc } from "../bmc/bmc";
import { lenovoInventory, lenovoInventoryVersion } from "./lenovo-versions";
import { xeon } from "./cpus";
import { TASK_HABITS } from "./habits";
import { lenovoPushRoutes, lenovoUpdateExtras, patchLenovoUpdateService } from "./lenovo-push";
import { modernTypes } from "./schema";
import type { ComponentSpec, ModelSpec, VendorProfile } from "./types";

const ALNUM = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

const models: ModelSpec[] = [
  {
    name: "ThinkSystem SR650",
    sku: "7X06CTO1WW",
    hostPrefix: "sr650",
    cpu: xeon("cascade-lake", "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", 20, 2500),
    dimms: { slots: 24, count: 12, sizeMiB: 32768, speedMhz: 2933, type: "DDR4", partNumber: "M393A4K40CB2-CVF", manufacturer: "Samsung" },
    nicPorts: 2,
    drives: { count: 2, model: "MTFDDAK480TDS", capacityBytes: 480103981056, media: "SSD", protocol: "SATA", firmware: "J004" },
    managerModel: "Lenovo XClarity Controller",
  },
  {
    name: "ThinkSystem SR630",
    sku: "7X02CTO1WW",
    hostPrefix: "sr630",
    cpu: xeon("cascade-lake", "Intel(R) Xeon(R) Silver 4210 CPU @ 2.20GHz", 10, 2200),
    dimms: { slots: 24, count: 4, sizeMiB: 32768, speedMhz: 2400, type: "DDR4", partNumber: "M393A4K40CB2-CVF", manufacturer: "Samsung" },
    nicPorts: 2,
    drives: { count: 2, model: "MTFDDAK480TDS", capacityBytes: 480103981056, media: "SSD", protocol: "SATA", firmware: "J004" },
    managerModel: "Lenovo XClarity Controller",
  },
];

/** XCC builds: `IVE1` UEFI and `CDI3` XCC, as an SR650 or SR630 reports them (`<build>-<version>`). */
const components: ComponentSpec[] = [
  {
    type: "bmc",
    id: () => "BMC-Primary",
    name: () => "Firmware:BMC",
    softwareId: "BMC-CDI3-10",
    versions: ["CDI3A2C-8.90", "CDI3A4E-9.10", "CDI3A6M-9.50"],
    inventoryVersion: lenovoInventoryVersion,
  },
  {
    type: "bios",
    id: () => "UEFI",
    name: () => "Firmware:UEFI",
    softwareId: "UEFI-IVE1-10",
    versions: ["IVE164M-2.70", "IVE170P-3.10", "IVE176J-3.30"],
    inventoryVersion: lenovoInventoryVersion,
  },
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
    dimm: (cpu, slot) => String((cpu - 1) * 12 + slot),
    nic: (n) => `NIC${n}`,
    drive: (n) => `Disk_${n - 1}`,
    networkAdapter: "ob_1",
    pcieDevice: (kind) => (kind === "nic" ? "ob_1" : "slot_5"),
    logService: "AuditLog",
  },
  defaultTrailingSlash: false,
  caseInsensitive: false,
  quirks: [],
  storage: "dmtf",
  hostNics: "ethernet-interfaces",
  listsEmptyDimmSlots: true,
  expand: true,
  etag: { format: (hash) => `"${hash.toString(16).padStart(8, "0")}"`, inBody: true },
  descriptions: {
    ComputerSystem: "This resource is used to represent a computing system for a Redfish implementation.",
    Manager: "This resource is used to represent a management subsystem for a Redfish implementation.",
    Chassis: "This resource is used to represent a chassis or other physical enclosure for a Redfish implementation.",
    SoftwareInventoryCollection: "Firmware Inventory Collection",
    SoftwareInventory: "The information of firmware.",
    MemoryCollection: "A collection of memory resource instances.",
    Power: "This resource is used to represent a power metrics resource for a Redfish implementation.",
    Thermal: "This resource is used to represent a thermal metrics resource for a Redfish implementation.",
  },
  hardware: {
    psu: { model: "SP57A02023", partNumber: "SP57A02023", firmware: "7.51", watts: 750, manufacturer: "DETA", name: (n) => `PSU${n}` },
    fans: { count: 6, name: (n) => `Fan ${n} Tach`, unit: "RPM", reading: 5600 },
    temperatures: { inlet: "Ambient Temp", cpu: (n) => `CPU ${n} Temp`, system: "Exhaust Temp" },
    nicAdapter: {
      model: "ThinkSystem Broadcom 57414 10/25GbE SFP28 2-port OCP Ethernet Adapter",
      partNumber: "01PE645",
      manufacturer: "Broadcom Limited",
      pci: ["0x14e4", "0x16d7"],
    },
    storagePci: ["0x1000", "0x0016"],
  },
  bios: {
    registry: "BiosAttributeRegistry.1.0.0",
    attributes: (bmc: Bmc) => ({
      BootModes_SystemBootMode: "UEFIMode",
      OperatingModes_ChooseOperatingMode: "MaximumPerformance",
      Processors_IntelVirtualizationTechnology: "Enabled",
      Processors_HyperThreading: "Enabled",
      SystemRecovery_POSTWatchdogTimer: "Disabled",
      SystemInformation_MachineType: bmc.identity.sku.slice(0, 4),
      SystemInformation_SerialNumber: bmc.identity.serial,
    }),
  },
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
  updateService: { simpleUpdate: true, extras: lenovoUpdateExtras, patch: patchLenovoUpdateService },
  habits: { ...TASK_HABITS, pushClaim: true },
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
  inventory: lenovoInventory,
  extraRoutes: lenovoPushRoutes,
};
