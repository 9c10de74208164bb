import type { Bmc } from "../bmc/bmc";
import type { TaskPhase } from "../bmc/tasks";
import { modernTypes } from "./schema";
import type { ComponentSpec, ModelSpec, VendorProfile } from "./types";

const DIGITS = "0123456789";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

const models: ModelSpec[] = [
  {
    name: "ProLiant DL380 Gen10 Plus",
    sku: "P05172-B21",
    hostPrefix: "dl380",
    cpu: { model: "Intel(R) Xeon(R) Gold 6330 CPU @ 2.00GHz", count: 2, cores: 28, threads: 56, speedMhz: 2000 },
    dimms: { count: 16, sizeMiB: 32768, speedMhz: 3200, type: "DDR4", partNumber: "P06033-B21" },
    nicPorts: 4,
    drives: { count: 4, model: "MO000960JWTBK", capacityBytes: 960197124096, media: "SSD", protocol: "SATA" },
    managerModel: "iLO 5",
  },
  {
    name: "ProLiant DL360 Gen10 Plus",
    sku: "P39121-B21",
    hostPrefix: "dl360",
    cpu: { model: "Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz", count: 2, cores: 16, threads: 32, speedMhz: 2400 },
    dimms: { count: 8, sizeMiB: 32768, speedMhz: 3200, type: "DDR4", partNumber: "P06033-B21" },
    nicPorts: 2,
    drives: { count: 2, model: "MO000960JWTBK", capacityBytes: 960197124096, media: "SSD", protocol: "SATA" },
    managerModel: "iLO 5",
  },
];

const fixed = (id: string) => () => id;

const components: ComponentSpec[] = [
  { type: "bmc", id: fixed("1"), name: () => "iLO 5", softwareId: "iLO5", versions: ["2.72", "2.78", "2.81"] },
  { type: "bios", id: fixed("2"), name: () => "System ROM", softwareId: "U46", versions: ["1.50", "1.62", "1.72"] },
  {
    type: "storage_controller",
    id: fixed("3"),
    name: () => "HPE Smart Array P408i-a SR Gen10",
    softwareId: "P408i-a",
    versions: ["3.53", "4.11"],
  },
  {
    type: "nic",
    id: fixed("4"),
    name: () => "HPE Ethernet 10/25Gb 2-port 640SFP28 Adapter",
    softwareId: "640SFP28",
    versions: ["1.2829.0", "1.2839.0"],
  },
  {
    type: "service_pack",
    id: fixed("5"),
    name: () => "Service Pack for ProLiant",
    softwareId: "SPP",
    versions: ["2022.09.0", "2023.03.0"],
  },
];

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
    dimm: (n) => `proc${n <= 8 ? 1 : 2}dimm${((n - 1) % 8) + 1}`,
    nic: (n) => String(n),
    drive: (n) => `DA00000${n - 1}`,
  },
  trailingSlash: true,
  caseInsensitive: true,
  baseRegistry: "Base.1.4",
  odataType: modernTypes({ Manager: "v1_5_1", ServiceRoot: "v1_5_1" }),
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
  simpleUpdate: true,
  successBody: true,
  oem: {
    root: (bmc) => ({
      Hpe: {
        "@odata.type": "#HpeiLOServiceExt.v2_3_0.HpeiLOServiceExt",
        Manager: [{ ManagerType: "iLO 5", ManagerFirmwareVersion: bmc.installed.get("bmc"), HostName: `ilo-${bmc.identity.hostName}` }],
      },
    }),
    system: (bmc) => ({
      Hpe: {
        "@odata.type": "#HpeComputerSystemExt.v2_11_0.HpeComputerSystemExt",
        PostState: bmc.power === "On" ? "FinishedPost" : "PowerOff",
        PowerRegulatorMode: "Dynamic",
      },
    }),
    manager: () => ({
      Hpe: { "@odata.type": "#HpeiLO.v2_8_0.HpeiLO", License: { LicenseType: "Perpetual", LicenseString: "iLO Advanced" } },
    }),
    updateService: updateServiceOem,
  },
};
