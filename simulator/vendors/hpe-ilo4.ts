import { addLegacyProperties, ilo4ErrorBody, ilo4OdataType, translateIlo4Path } from "./ilo4-legacy";
import { ILO4_UPDATE_SERVICE, ilo4UpdateRoutes } from "./ilo4-update";
import type { ComponentSpec, ModelSpec, VendorProfile } from "./types";

const DIGITS = "0123456789";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

const models: ModelSpec[] = [
  {
    name: "ProLiant DL380 Gen9",
    sku: "719064-B21",
    hostPrefix: "dl380g9",
    cpu: { model: "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", count: 2, cores: 14, threads: 28, speedMhz: 2400 },
    dimms: { count: 12, sizeMiB: 16384, speedMhz: 2400, type: "DDR4", partNumber: "809081-081" },
    nicPorts: 4,
    drives: { count: 2, model: "EG0600FBVFP", capacityBytes: 600127266816, media: "HDD", protocol: "SAS" },
    managerModel: "iLO 4",
  },
  {
    name: "ProLiant DL360 Gen9",
    sku: "755258-B21",
    hostPrefix: "dl360g9",
    cpu: { model: "Intel(R) Xeon(R) CPU E5-2630 v4 @ 2.20GHz", count: 2, cores: 10, threads: 20, speedMhz: 2200 },
    dimms: { count: 8, sizeMiB: 16384, speedMhz: 2400, type: "DDR4", partNumber: "809081-081" },
    nicPorts: 4,
    drives: { count: 2, model: "EG0600FBVFP", capacityBytes: 600127266816, media: "HDD", protocol: "SAS" },
    managerModel: "iLO 4",
  },
];

const fixed = (id: string) => () => id;

const components: ComponentSpec[] = [
  { type: "bmc", id: fixed("1"), name: () => "iLO", softwareId: "iLO4", versions: ["2.70", "2.73", "2.78"] },
  { type: "bios", id: fixed("2"), name: () => "System ROM", softwareId: "P89", versions: ["2.60", "2.70", "2.76"] },
  {
    type: "storage_controller",
    id: fixed("3"),
    name: () => "Smart Array P440ar Controller",
    softwareId: "P440ar",
    versions: ["6.60", "7.00"],
  },
  { type: "nic", id: fixed("4"), name: () => "HP Ethernet 1Gb 4-port 331i Adapter", softwareId: "331i", versions: ["17.4.41", "20.14.62"] },
  {
    type: "service_pack",
    id: fixed("5"),
    name: () => "Service Pack for ProLiant",
    softwareId: "SPP",
    versions: ["2019.03.0", "2020.03.0"],
  },
];

/** Redfish 1.0 era iLO 4: legacy /rest/v1 mirror, HP (not HPE) Oem, firmware via InstallFromURI. */
export const hpeIlo4: VendorProfile = {
  key: "hpe-ilo4",
  family: "hpe",
  vendorName: "HPE",
  manufacturer: "HP",
  product: (model) => model.name,
  redfishVersion: "1.0.0",
  models,
  ids: {
    system: "1",
    manager: "1",
    chassis: "1",
    storage: "1",
    volume: "1",
    managerNic: "1",
    account: "1",
    processor: (n) => String(n),
    dimm: (n) => `proc${n <= 6 ? 1 : 2}dimm${((n - 1) % 6) + 1}`,
    nic: (n) => String(n),
    drive: (n) => String(n - 1),
  },
  trailingSlash: true,
  caseInsensitive: true,
  baseRegistry: "Base.0.10",
  odataType: ilo4OdataType,
  components,
  identity: { serial: (rng) => `CZJ${rng.chars(DIGITS, 4)}${rng.chars(UPPER, 3)}`, oui: "3C:A8:2A" },
  headers: { Server: "HP-iLO-Server/1.30", "X_HP-CHRP-Service-Version": "1.0.3" },
  sessions: {
    id: (_counter, username, rng) => `${username.toLowerCase()}${rng.hex(16)}`,
    max: 16,
    limitStatus: 503,
    absoluteLocation: false,
  },
  tasks: { id: (counter) => String(counter), monitor: null, scheduledUntilReset: false },
  simpleUpdate: false,
  updateServicePath: ILO4_UPDATE_SERVICE,
  successBody: true,
  oem: {
    root: (bmc) => ({
      Hp: {
        "@odata.type": "#HpiLOServiceExt.1.0.0.HpiLOServiceExt",
        Manager: [{ ManagerType: "iLO 4", ManagerFirmwareVersion: bmc.installed.get("bmc"), HostName: `ilo-${bmc.identity.hostName}` }],
        Sessions: {
          LoginHint: {
            Hint: "POST to /Sessions to login using the following JSON object:",
            HintPOSTData: { UserName: "username", Password: "password" },
          },
        },
      },
    }),
    system: (bmc) => ({
      Hp: {
        "@odata.type": "#HpComputerSystemExt.1.2.0.HpComputerSystemExt",
        PostState: bmc.power === "On" ? "FinishedPost" : "PowerOff",
        links: { FirmwareInventory: { href: "/rest/v1/Systems/1/FirmwareInventory" } },
      },
    }),
    manager: () => ({
      Hp: {
        "@odata.type": "#HpiLO.1.0.0.HpiLO",
        links: { UpdateService: { href: "/rest/v1/Managers/1/UpdateService" } },
      },
    }),
  },
  extraRoutes: ilo4UpdateRoutes,
  translatePath: translateIlo4Path,
  finishReply: addLegacyProperties,
  errorBody: ilo4ErrorBody,
};
