import { createHash } from "node:crypto";
import type { Rng } from "../rng";
import { TASK_HABITS } from "./habits";
import { modernTypes } from "./schema";
import { openbmcUpdateRoutes, openbmcUpdateService } from "./openbmc-update";
import type { ComponentSpec, ModelSpec, VendorProfile } from "./types";

const ALNUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** ASRock Rack boards with upstream OpenBMC ports (meta-asrock), one socket each. */
const models: ModelSpec[] = [
  {
    name: "ROMED8HM3",
    sku: "ROMED8HM3",
    hostPrefix: "romed8hm3",
    cpu: { model: "AMD EPYC 7443P 24-Core Processor", count: 1, cores: 24, threads: 48, speedMhz: 2850, cpuid: "0x00A00F11", microcode: "0x0A0011D1" },
    dimms: { slots: 8, count: 4, sizeMiB: 32768, speedMhz: 3200, type: "DDR4", partNumber: "M393A4K40EB3-CWE", manufacturer: "Samsung" },
    nicPorts: 2,
    drives: { count: 2, model: "SAMSUNG MZ7L3480HCHQ-00A07", capacityBytes: 480103981056, media: "SSD", protocol: "SATA", firmware: "JXTC304Q" },
    managerModel: "OpenBMC",
  },
  {
    name: "SPC621D8HM3",
    sku: "SPC621D8HM3",
    hostPrefix: "spc621d8hm3",
    cpu: { model: "Intel(R) Xeon(R) Gold 6338N CPU @ 2.20GHz", count: 1, cores: 32, threads: 64, speedMhz: 2200, cpuid: "0x000606A6", microcode: "0x0D000375" },
    dimms: { slots: 8, count: 8, sizeMiB: 16384, speedMhz: 2666, type: "DDR4", partNumber: "M393A2K43DB3-CWE", manufacturer: "Samsung" },
    nicPorts: 2,
    drives: { count: 2, model: "SAMSUNG MZ7L3480HCHQ-00A07", capacityBytes: 480103981056, media: "SSD", protocol: "SATA", firmware: "JXTC304Q" },
    managerModel: "OpenBMC",
  },
];

/** phosphor-software-manager names a BMC image by a hash of its version, so the inventory id changes with each flash. */
const versionId = (version: string) => createHash("sha512").update(version).digest("hex").slice(0, 8);

/** The BMC image (its os-release version) and the host firmware, as bmcweb lists them. */
const components: ComponentSpec[] = [
  {
    type: "bmc",
    id: versionId,
    name: () => "Software Inventory",
    description: "BMC image",
    softwareId: "",
    versions: ["2.12.0-dev-1190-gd6f6e7b5e", "2.13.0-dev-512-g41f9a0e3c", "2.14.0-dev-87-g2f5c7a1b4"],
  },
  {
    type: "bios",
    id: () => "bios_active",
    name: () => "Software Inventory",
    description: "Host image",
    softwareId: "",
    versions: ["P3.10", "P3.20", "P3.50"],
  },
];

export const openbmc: VendorProfile = {
  key: "openbmc",
  family: "openbmc",
  vendorName: "OpenBMC",
  manufacturer: "ASRockRack",
  product: (model) => model.name,
  redfishVersion: "1.17.0",
  models,
  ids: {
    system: "system",
    manager: "bmc",
    chassis: "chassis",
    storage: "1",
    volume: "1",
    managerNic: "eth0",
    account: "root",
    processor: (n) => `cpu${n - 1}`,
    dimm: (cpu, slot) => `dimm${(cpu - 1) * 8 + slot - 1}`,
    nic: (n) => `eth${n}`,
    drive: (n) => `drive${n - 1}`,
    networkAdapter: "nic0",
    pcieDevice: (kind) => (kind === "nic" ? "pcie_card1" : "pcie_card2"),
    logService: "Journal",
  },
  defaultTrailingSlash: false,
  caseInsensitive: false,
  quirks: [],
  storage: "dmtf",
  hostNics: "ethernet-interfaces",
  // bmcweb lists every DIMM the inventory knows, the empty sockets `Absent`.
  listsEmptyDimmSlots: true,
  // bmcweb answers $expand only when built with insecure-enable-redfish-query, off by default.
  expand: false,
  etag: { format: (hash) => `"${hash.toString(16).padStart(8, "0")}"`, inBody: false },
  descriptions: {
    UpdateService: "Service for Software Update",
    SoftwareInventory: "Software Inventory",
    Manager: "Baseboard Management Controller",
    ComputerSystem: "Computer System",
  },
  hardware: {
    psu: { model: "DPS-800AB-5 A", partNumber: "DPS-800AB-5 A", firmware: "01.02", watts: 800, manufacturer: "DELTA", name: (n) => `powersupply${n - 1}` },
    fans: { count: 6, name: (n) => `FAN${n}`, unit: "RPM", reading: 5200 },
    temperatures: { inlet: "Inlet_Temp", cpu: (n) => `CPU${n}_Temp`, system: "MB_Temp" },
    nicAdapter: { model: "Intel(R) Ethernet Controller X550", partNumber: "X550-T2", manufacturer: "Intel", pci: ["0x8086", "0x1563"] },
    storagePci: ["0x1022", "0x7901"],
    storageController: { name: "FCH SATA Controller [AHCI mode]", manufacturer: "Advanced Micro Devices, Inc. [AMD]", firmware: "1.0" },
  },
  bios: { registry: "BiosAttributeRegistry.1.0.0", attributes: () => ({ BootMode: "UEFI", SMTControl: "Auto", SRIOVSupport: "Enabled" }) },
  baseRegistry: "Base.1.16",
  odataType: modernTypes({ ServiceRoot: "v1_15_0", ComputerSystem: "v1_16_0", Manager: "v1_14_0", UpdateService: "v1_11_1" }),
  components,
  identity: { serial: (rng: Rng) => `M80-${rng.chars("0123456789ABCDEFGHJKLMNPRSTUVWXYZ", 9)}`, oui: "A8:A1:59" },
  // bmcweb sends its security headers on every answer.
  headers: { "Strict-Transport-Security": "max-age=31536000; includeSubdomains", "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff" },
  contentType: "application/json",
  sessions: { id: (_counter, _username, rng) => rng.chars(ALNUM, 10), max: 64, limitStatus: 503, absoluteLocation: false },
  tasks: {
    id: (counter) => String(counter - 1),
    monitor: {
      pattern: "/redfish/v1/TaskService/TaskMonitors/:id",
      path: (taskId) => `/redfish/v1/TaskService/TaskMonitors/${taskId}`,
      policy: "no-content-once",
    },
    scheduledUntilReset: false,
  },
  updateService: openbmcUpdateService,
  habits: { ...TASK_HABITS, biosNeedsHostOff: true },
  successBody: "extended-info",
  oem: {
    manager: () => ({ OpenBmc: { "@odata.type": "#OpenBMCManager.v1_0_0.Manager" } }),
  },
  extraRoutes: openbmcUpdateRoutes,
};
