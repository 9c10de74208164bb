import { modernTypes } from "./schema";
import type { ComponentSpec, ModelSpec, VendorProfile } from "./types";

const DIGITS = "0123456789";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const ALNUM = `${DIGITS}${UPPER}abcdefghijkmnopqrstuvwxyz`;

const x12 = (name: string, hostPrefix: string, dimmCount: number): ModelSpec => ({
  name,
  // Supermicro leaves the SMBIOS SKU at its placeholder.
  sku: "To be filled by O.E.M.",
  hostPrefix,
  cpu: { model: "Intel(R) Xeon(R) Gold 6342 CPU @ 2.80GHz", count: 2, cores: 24, threads: 48, speedMhz: 2800 },
  dimms: { count: dimmCount, sizeMiB: 32768, speedMhz: 3200, type: "DDR4", partNumber: "M393A4K40EB3-CWE" },
  nicPorts: 2,
  drives: { count: 2, model: "SAMSUNG MZ7LH960HAJR-00005", capacityBytes: 960197124096, media: "SSD", protocol: "SATA" },
  managerModel: "X12DDW-A6",
});

const components: ComponentSpec[] = [
  { type: "bios", id: () => "BIOS", name: () => "BIOS", softwareId: "BIOS", versions: ["1.1", "1.3", "1.4"] },
  { type: "bmc", id: () => "BMC", name: () => "BMC", softwareId: "BMC", versions: ["01.00.25", "01.01.04"] },
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

export const supermicro: VendorProfile = {
  key: "supermicro",
  family: "supermicro",
  vendorName: "Supermicro",
  manufacturer: "Supermicro",
  product: (model) => model.name,
  redfishVersion: "1.11.0",
  models: [x12("SYS-120U-TNR", "sys120u", 8), x12("SYS-220U-TNR", "sys220u", 16)],
  ids: {
    system: "1",
    manager: "1",
    chassis: "1",
    storage: "HA-RAID",
    volume: "0",
    managerNic: "1",
    account: "2",
    processor: (n) => String(n),
    dimm: (n) => String(n),
    nic: (n) => String(n),
    drive: (n) => `HA-RAID.0.StorageEnclosure.0.Disk.${n - 1}`,
  },
  trailingSlash: false,
  caseInsensitive: false,
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
  simpleUpdate: true,
  successBody: false,
  oem: {
    system: (bmc) => ({ Supermicro: { "@odata.type": "#SmcSystemExtensions.v1_0_0.System", BoardID: bmc.modelSpec.managerModel } }),
    manager: () => ({ Supermicro: { "@odata.type": "#SmcManagerConfig.v1_0_0.Manager", IPMIVersion: "2.0" } }),
  },
};
