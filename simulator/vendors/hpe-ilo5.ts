import type { Bmc } from "../bmc/bmc";
import type { TaskPhase } from "../bmc/tasks";
import { link, pathsOf } from "../resources/paths";
import { hpeBiosAttributes, hpeChassisHardware, hpeComponents, hpeDescriptions, hpeEtag, iloRegistry } from "./hpe-common";
import { hpeInventory } from "./hpe-inventory";
import { RESOURCE_DIRECTORY, resourceDirectoryRoutes } from "./hpe-resource-directory";
import { iloShortVersion } from "./hpe-versions";
import { xeon } from "./cpus";
import { TASK_HABITS } from "./habits";
import { modernTypes } from "./schema";
import type { ModelSpec, VendorProfile } from "./types";

const DIGITS = "0123456789";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

const models: ModelSpec[] = [
  {
    name: "ProLiant DL380 Gen10 Plus",
    sku: "P05172-B21",
    hostPrefix: "dl380",
    cpu: xeon("ice-lake", "Intel(R) Xeon(R) Gold 6330 CPU @ 2.00GHz", 28, 2000),
    dimms: { slots: 32, count: 8, sizeMiB: 32768, speedMhz: 3200, type: "DDR4", partNumber: "P06033-B21", manufacturer: "HPE" },
    nicPorts: 4,
    drives: { count: 4, model: "MO000960JWTBK", capacityBytes: 960197124096, media: "SSD", protocol: "SATA", firmware: "HPD4" },
    managerModel: "iLO 5",
  },
  {
    name: "ProLiant DL360 Gen10 Plus",
    sku: "P39121-B21",
    hostPrefix: "dl360",
    cpu: xeon("ice-lake", "Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz", 16, 2400),
    dimms: { slots: 32, count: 4, sizeMiB: 16384, speedMhz: 3200, type: "DDR4", partNumber: "P06031-B21", manufacturer: "HPE" },
    nicPorts: 2,
    drives: { count: 2, model: "MO000960JWTBK", capacityBytes: 960197124096, media: "SSD", protocol: "SATA", firmware: "HPD4" },
    managerModel: "iLO 5",
  },
];

/** Versions as a DL360 Gen10 Plus reports them: the System ROM with its family and date, the manager's `iLO 5 v2.55`. */
const components = hpeComponents(
  { bmc: "iLO 5", bios: "System ROM", storage_controller: "HPE Smart Array P408i-a SR Gen10", nic: "HPE Ethernet 10/25Gb 2-port 640SFP28 Adapter" },
  {
    bmc: ["iLO 5 v2.46", "iLO 5 v2.55", "iLO 5 v2.72"],
    bios: ["U46 v1.50 (09/08/2021)", "U46 v1.56 (11/29/2021)", "U46 v1.62 (04/19/2022)"],
    storage_controller: ["3.53", "4.11"],
    nic: ["14.27.1016", "14.29.1016"],
    service_pack: ["2022.09.0", "2023.03.0"],
  },
);

const FLASH_STATE: Record<TaskPhase, string> = {
  queued: "Uploading",
  downloading: "Uploading",
  flashing: "Writing",
  restarting: "Updating",
  scheduled: "Complete",
  done: "Complete",
  failed: "Error",
};

/** iLO 5 also reports the latest flash in UpdateService's Oem.Hpe, as HPE's own tools read it. */
function updateServiceOem(bmc: Bmc) {
  const task = bmc.taskStore.latest("SimpleUpdate");
  return {
    Hpe: {
      "@odata.type": "#HpeiLOUpdateServiceExt.v2_3_0.HpeiLOUpdateServiceExt",
      State: task ? FLASH_STATE[task.phase] : "Idle",
      FlashProgressPercent: task?.percent ?? 0,
    },
  };
}

export const hpeIlo5: VendorProfile = {
  key: "hpe-ilo5",
  family: "hpe",
  vendorName: "HPE",
  manufacturer: "HPE",
  product: (model) => model.name,
  redfishVersion: "1.13.0",
  models,
  ids: {
    system: "1",
    manager: "1",
    chassis: "1",
    storage: "DE00A000",
    volume: "1",
    managerNic: "1",
    account: "1",
    processor: (n) => String(n),
    dimm: (cpu, slot) => `proc${cpu}dimm${slot}`,
    nic: (n) => String(n),
    drive: (n) => String(n - 1),
    networkAdapter: "DC080000",
    pcieDevice: (kind) => (kind === "nic" ? "1" : "2"),
    logService: "IEL",
  },
  pathNames: { bios: "bios" },
  defaultTrailingSlash: false,
  caseInsensitive: true,
  quirks: ["smartStorageOnly", "trailingSlash"],
  storage: "both",
  hostNics: "ethernet-interfaces",
  listsEmptyDimmSlots: true,
  expand: true,
  etag: hpeEtag,
  descriptions: hpeDescriptions,
  hardware: {
    ...hpeChassisHardware,
    nicAdapter: { model: "HPE Ethernet 10/25Gb 2-port 640SFP28 Adapter", partNumber: "817753-B21", manufacturer: "Mellanox", pci: ["0x15b3", "0x1015"] },
    storagePci: ["0x9005", "0x028f"],
  },
  bios: { registry: "BiosAttributeRegistryU46.v1_2_68", attributes: hpeBiosAttributes },
  baseRegistry: "Base.1.4",
  oemRegistry: iloRegistry,
  odataType: modernTypes({
    ServiceRoot: "v1_5_1",
    ComputerSystem: "v1_10_0",
    Manager: "v1_5_1",
    Memory: "v1_7_1",
    SoftwareInventory: "v1_2_0",
    UpdateService: "v1_1_1",
    HpeSmartStorage: "v2_0_0",
    HpeSmartStorageArrayController: "v2_2_0",
    HpeSmartStorageDiskDrive: "v2_1_0",
    HpeSmartStorageLogicalDrive: "v2_3_0",
  }),
  components,
  identity: { serial: (rng) => `MXQ${rng.chars(DIGITS, 5)}${rng.chars(UPPER, 2)}`, oui: "94:40:C9" },
  headers: { Server: "HPE-iLO-Server/1.30" },
  sessions: {
    id: (_counter, username, rng) => `${username.toLowerCase()}00000000${rng.hex(16)}`,
    max: 16,
    limitStatus: 503,
    absoluteLocation: true,
  },
  tasks: {
    id: (counter) => String(counter),
    monitor: {
      pattern: "/redfish/v1/TaskService/Tasks/:id/Monitor",
      path: (taskId) => `/redfish/v1/TaskService/Tasks/${taskId}/Monitor`,
      policy: "gone-after-read",
    },
    scheduledUntilReset: false,
  },
  updateService: { simpleUpdate: true },
  habits: { ...TASK_HABITS, ignoresPackages: true },
  successBody: "hpe",
  oem: {
    root: (bmc) => ({
      Hpe: {
        "@odata.type": "#HpeiLOServiceExt.v2_3_0.HpeiLOServiceExt",
        Manager: [
          { ManagerType: "iLO 5", ManagerFirmwareVersion: iloShortVersion(bmc.reported("bmc")), HostName: `ilo-${bmc.identity.hostName}` },
        ],
        Links: { ResourceDirectory: link(bmc, RESOURCE_DIRECTORY) },
      },
    }),
    system: (bmc) => ({
      Hpe: {
        "@odata.type": "#HpeComputerSystemExt.v2_9_0.HpeComputerSystemExt",
        Bios: { Current: { VersionString: bmc.reported("bios") } },
        PostState: bmc.power === "On" ? "FinishedPost" : "PowerOff",
        PowerRegulatorMode: "Dynamic",
        Links: { SmartStorage: link(bmc, pathsOf(bmc.profile).smartStorage) },
      },
    }),
    manager: () => ({
      Hpe: { "@odata.type": "#HpeiLO.v2_8_0.HpeiLO", License: { LicenseType: "Perpetual", LicenseString: "iLO Advanced" } },
    }),
    updateService: updateServiceOem,
  },
  dimmOem: (present) => ({
    Hpe: {
      "@odata.type": "#HpeMemoryExt.v2_5_0.HpeMemoryExt",
      DIMMStatus: present ? "GoodInUse" : "NotPresent",
      MinimumVoltageVoltsX10: present ? 12 : 0,
    },
  }),
  inventory: hpeInventory,
  extraRoutes: resourceDirectoryRoutes,
  softwareInventory: () => [
    { id: "1", name: "Agentless Management Service", version: "2.51.3.0", updateable: false, description: "AMS" },
    { id: "2", name: "iLO 5 Automatic Server Recovery Driver", version: "4.6.0.0", updateable: false, description: "hpe_wdt" },
  ],
};
