import type { Bmc } from "../bmc/bmc";
import { xeon } from "./cpus";
import { TASK_HABITS } from "./habits";
import { supermicroPushRoutes, supermicroUpdateExtras } from "./supermicro-push";
import { modernTypes } from "./schema";
import type { ComponentSpec, InventoryEntry, ModelSpec, VendorProfile } from "./types";

const DIGITS = "0123456789";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const ALNUM = `${DIGITS}${UPPER}abcdefghijkmnopqrstuvwxyz`;

const x12 = (name: string, hostPrefix: string, dimmCount: number, slots: number): ModelSpec => ({
  name,
  // Supermicro leaves the SMBIOS SKU at its placeholder.
  sku: "To be filled by O.E.M.",
  hostPrefix,
  cpu: xeon("ice-lake", "Intel(R) Xeon(R) Gold 6342 CPU @ 2.80GHz", 24, 2800),
  dimms: { slots, count: dimmCount, sizeMiB: 32768, speedMhz: 3200, type: "DDR4", partNumber: "M393A4K40EB3-CWE", manufacturer: "Samsung" },
  nicPorts: 2,
  drives: { count: 2, model: "SAMSUNG MZ7LH960HAJR-00005", capacityBytes: 960197124096, media: "SSD", protocol: "SATA", firmware: "HXT7904Q" },
  managerModel: "X12DDW-A6",
});

/** An X12 reports BIOS `1.4a` and BMC `01.01.04`, spelled the same in the system, the manager and the inventory. */
const components: ComponentSpec[] = [
  { type: "bios", id: () => "BIOS", name: () => "BIOS", softwareId: "BIOS", versions: ["1.3", "1.4", "1.4a"] },
  { type: "bmc", id: () => "BMC", name: () => "BMC", softwareId: "BMC", versions: ["01.00.25", "01.01.04", "01.02.10"] },
  {
    type: "lsi_3108",
    id: () => "HA-RAID.0",
    name: () => "LSI MegaRAID SAS 3108",
    manufacturer: "LSI",
    softwareId: "3108",
    versions: ["4.680.00-8417", "4.680.00-8527"],
  },
  {
    type: "nic",
    id: () => "NIC.0",
    name: () => "Intel(R) Ethernet Controller X710 for 10GBASE-T",
    manufacturer: "Intel",
    softwareId: "X710",
    versions: ["8.50", "9.00"],
  },
];

/** The board's CPLD, listed but not updatable over Redfish. */
function inventory(_bmc: Bmc, components: InventoryEntry[]): InventoryEntry[] {
  return [...components, { id: "CPLD", name: "CPLD", version: "F1.2.7", softwareId: "CPLD", updateable: false, manufacturer: "Supermicro" }];
}

export const supermicro: VendorProfile = {
  key: "supermicro",
  family: "supermicro",
  vendorName: "Supermicro",
  manufacturer: "Supermicro",
  product: (model) => model.name,
  redfishVersion: "1.11.0",
  models: [x12("SYS-120U-TNR", "sys120u", 8, 32), x12("SYS-220U-TNR", "sys220u", 16, 32)],
  ids: {
    system: "1",
    manager: "1",
    chassis: "1",
    storage: "HA-RAID",
    volume: "0",
    managerNic: "1",
    account: "2",
    processor: (n) => String(n),
    dimm: (cpu, slot) => `P${cpu}-DIMM${String.fromCharCode(64 + Math.ceil(slot / 2))}${((slot - 1) % 2) + 1}`,
    nic: (n) => String(n),
    drive: (n) => `HA-RAID.0.StorageEnclosure.0.Disk.${n - 1}`,
    networkAdapter: "1",
    pcieDevice: (kind) => (kind === "nic" ? "NIC1" : "RAID1"),
    logService: "Log1",
  },
  defaultTrailingSlash: false,
  caseInsensitive: false,
  quirks: [],
  storage: "dmtf",
  hostNics: "ethernet-interfaces",
  listsEmptyDimmSlots: false,
  expand: false,
  hardware: {
    psu: { model: "PWS-1K02A-1R", partNumber: "PWS-1K02A-1R", firmware: "REV1.3", watts: 1000, manufacturer: "SUPERMICRO", name: (n) => `PS${n}` },
    fans: { count: 8, name: (n) => `FAN${n}`, unit: "RPM", reading: 4200 },
    temperatures: { inlet: "Inlet Temp", cpu: (n) => `CPU${n} Temp`, system: "System Temp" },
    nicAdapter: { model: "Intel(R) Ethernet Controller X710 for 10GBASE-T", partNumber: "AOC-STG-I2T", manufacturer: "Intel", pci: ["0x8086", "0x15ff"] },
    storagePci: ["0x1000", "0x005d"],
  },
  bios: {
    registry: "BiosAttributeRegistry.v1_0_0",
    attributes: () => ({ QuietBoot: true, BootModeSelect: "UEFI", "Hyper-Threading": "Enable", IntelVirtualizationTechnology: "Enable" }),
  },
  baseRegistry: "Base.1.4",
  odataType: modernTypes({ ComputerSystem: "v1_16_0", Manager: "v1_11_0" }),
  components,
  identity: {
    serial: (rng) => `S${rng.chars(DIGITS, 6)}X${rng.chars(DIGITS, 1)}${rng.chars(UPPER, 1)}${rng.chars(DIGITS, 5)}`,
    oui: "3C:EC:EF",
  },
  headers: {},
  sessions: { id: (counter) => String(counter), max: 16, limitStatus: 503, absoluteLocation: false },
  tasks: {
    id: (counter) => String(counter),
    // AMI-based firmware hands out opaque monitor tokens.
    monitor: {
      pattern: "/redfish/v1/TaskMonitor/:token",
      path: (_taskId, rng) => `/redfish/v1/TaskMonitor/${rng.chars(ALNUM, 16)}`,
      policy: "keep",
    },
    scheduledUntilReset: false,
  },
  updateService: { simpleUpdate: true, simpleUpdateActionInfo: true, extras: supermicroUpdateExtras },
  habits: { ...TASK_HABITS, unlicensed: false },
  successBody: false,
  inventory,
  extraRoutes: supermicroPushRoutes,
  oem: {
    system: (bmc) => ({ Supermicro: { "@odata.type": "#SmcSystemExtensions.v1_0_0.System", BoardID: bmc.modelSpec.managerModel } }),
    manager: () => ({ Supermicro: { "@odata.type": "#SmcManagerConfig.v1_0_0.Manager", IPMIVersion: "2.0" } }),
  },
};
