import type { DimmSlot } from "../bmc/hardware";
import type { Bmc } from "../bmc/bmc";
import { link, pathsOf } from "../resources/paths";
import { hpeBiosAttributes, hpeChassisHardware, hpeComponents, hpeDescriptions, hpeEtag, iloRegistry } from "./hpe-common";
import { hpeInventory } from "./hpe-inventory";
import { iloShortVersion } from "./hpe-versions";
import { addLegacyProperties, ilo4ErrorBody, ilo4OdataType, restPath, translateIlo4Path } from "./ilo4-legacy";
import { ILO4_NETWORK_ADAPTERS, ilo4NetworkAdapterRoutes } from "./ilo4-network-adapters";
import { ILO4_FIRMWARE_INVENTORY, ILO4_UPDATE_SERVICE, ilo4UpdateRoutes } from "./ilo4-update";
import { xeon } from "./cpus";
import { COMMON_HABITS } from "./habits";
import type { ModelSpec, VendorProfile } from "./types";

const DIGITS = "0123456789";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

const models: ModelSpec[] = [
  {
    name: "ProLiant DL380 Gen9",
    sku: "719064-B21",
    hostPrefix: "dl380g9",
    cpu: xeon("broadwell", "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", 14, 2400),
    dimms: { slots: 24, count: 8, sizeMiB: 16384, speedMhz: 2400, type: "DDR4", partNumber: "809081-081", manufacturer: "HP" },
    nicPorts: 4,
    drives: { count: 2, model: "EG0600FBVFP", capacityBytes: 600127266816, media: "HDD", protocol: "SAS", firmware: "HPD5" },
    managerModel: "iLO 4",
  },
  {
    name: "ProLiant DL360 Gen9",
    sku: "755258-B21",
    hostPrefix: "dl360g9",
    cpu: xeon("broadwell", "Intel(R) Xeon(R) CPU E5-2630 v4 @ 2.20GHz", 10, 2200),
    dimms: { slots: 24, count: 4, sizeMiB: 16384, speedMhz: 2400, type: "DDR4", partNumber: "809081-081", manufacturer: "HP" },
    nicPorts: 4,
    drives: { count: 2, model: "EG0600FBVFP", capacityBytes: 600127266816, media: "HDD", protocol: "SAS", firmware: "HPD5" },
    managerModel: "iLO 4",
  },
];

const components = hpeComponents(
  { bmc: "iLO", bios: "System ROM", storage_controller: "Smart Array P440ar Controller", nic: "HP Ethernet 1Gb 4-port 331i Adapter" },
  {
    bmc: ["iLO 4 v2.70", "iLO 4 v2.73", "iLO 4 v2.78"],
    bios: ["P89 v2.60 (05/21/2018)", "P89 v2.70 (05/21/2019)", "P89 v2.76 (10/21/2019)"],
    storage_controller: ["6.60", "7.00"],
    nic: ["17.4.41", "20.14.62"],
    service_pack: ["2019.03.0", "2020.03.0"],
  },
);

/** iLO 4 predates DMTF Memory: each socket is an `HpMemory` with its `DIMMStatus`, and no `Status`. */
function hpMemory(bmc: Bmc, slot: DimmSlot, id: string): Record<string, unknown> {
  const { dimms } = bmc.modelSpec;
  return {
    Id: id,
    Name: id,
    SocketLocator: `PROC ${slot.cpu} DIMM ${slot.slot}`,
    DIMMStatus: slot.present ? "GoodInUse" : "NotPresent",
    SizeMB: slot.present ? dimms.sizeMiB : 0,
    ...(slot.present && {
      DIMMTechnology: "RDIMM",
      DIMMType: dimms.type,
      HPMemoryType: "HPSmartMemory",
      Manufacturer: dimms.manufacturer,
      MaximumFrequencyMHz: dimms.speedMhz,
      PartNumber: dimms.partNumber,
      SerialNumber: bmc.identity.dimmSerials[slot.dimm],
      Rank: 2,
      DataWidth: 64,
      ErrorCorrection: "MultiBitECC",
    }),
  };
}

/** Redfish 1.0 era iLO 4: legacy /rest/v1 mirror, HP (not HPE) Oem, SmartStorage only, firmware via InstallFromURI. */
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
    dimm: (cpu, slot) => `proc${cpu}dimm${slot}`,
    nic: (n) => String(n),
    drive: (n) => String(n - 1),
    networkAdapter: "1",
    pcieDevice: (kind) => (kind === "nic" ? "1" : "2"),
    logService: "IEL",
  },
  pathNames: { jsonSchemas: "Schemas", networkProtocol: "NetworkService" },
  defaultTrailingSlash: true,
  caseInsensitive: true,
  quirks: [],
  storage: "smart-storage",
  hostNics: "hp-network-adapters",
  listsEmptyDimmSlots: true,
  expand: false,
  etag: { ...hpeEtag, inBody: false },
  descriptions: hpeDescriptions,
  hardware: {
    ...hpeChassisHardware,
    psu: { ...hpeChassisHardware.psu, model: "720478-B21", partNumber: "754377-001", watts: 500 },
    fans: { ...hpeChassisHardware.fans, count: 6 },
    nicAdapter: { model: "HP Ethernet 1Gb 4-port 331i Adapter", partNumber: "789897-001", manufacturer: "Broadcom", pci: ["0x14e4", "0x1657"] },
    storagePci: ["0x103c", "0x3239"],
  },
  bios: { registry: "HpBiosAttributeRegistryP89.1.1.00", attributes: hpeBiosAttributes },
  baseRegistry: "Base.0.10",
  oemRegistry: { ...iloRegistry, version: "1.0.0" },
  odataType: ilo4OdataType,
  components,
  identity: { serial: (rng) => `CZJ${rng.chars(DIGITS, 4)}${rng.chars(UPPER, 3)}`, oui: "3C:A8:2A" },
  headers: { Server: "HP-iLO-Server/1.30", "X_HP-CHRP-Service-Version": "1.0.3" },
  sessions: {
    id: (_counter, username, rng) => `${username.toLowerCase()}${rng.hex(16)}`,
    max: 16,
    limitStatus: 503,
    absoluteLocation: true,
  },
  tasks: { id: (counter) => String(counter), monitor: null, scheduledUntilReset: false },
  updateService: null,
  habits: COMMON_HABITS,
  updateServicePath: ILO4_UPDATE_SERVICE,
  successBody: "hpe",
  oem: {
    root: (bmc) => ({
      Hp: {
        "@odata.type": "#HpiLOServiceExt.1.0.0.HpiLOServiceExt",
        Manager: [
          { ManagerType: "iLO 4", ManagerFirmwareVersion: iloShortVersion(bmc.reported("bmc")), HostName: `ilo-${bmc.identity.hostName}` },
        ],
        Sessions: {
          LoginHint: {
            Hint: "POST to /Sessions to login using the following JSON object:",
            HintPOSTData: { UserName: "username", Password: "password" },
          },
        },
      },
    }),
    system: (bmc) => {
      const paths = pathsOf(bmc.profile);
      return {
        Hp: {
          "@odata.type": "#HpComputerSystemExt.1.2.0.HpComputerSystemExt",
          Bios: { Current: { VersionString: bmc.reported("bios") } },
          PostState: bmc.power === "On" ? "FinishedPost" : "PowerOff",
          Links: {
            FirmwareInventory: link(bmc, ILO4_FIRMWARE_INVENTORY),
            NetworkAdapters: link(bmc, ILO4_NETWORK_ADAPTERS),
            SmartStorage: link(bmc, paths.smartStorage),
          },
          links: {
            BIOS: { href: restPath(paths.bios) },
            FirmwareInventory: { href: restPath(ILO4_FIRMWARE_INVENTORY) },
            NetworkAdapters: { href: restPath(ILO4_NETWORK_ADAPTERS) },
            SmartStorage: { href: restPath(paths.smartStorage) },
          },
        },
      };
    },
    manager: () => ({
      Hp: {
        "@odata.type": "#HpiLO.1.0.0.HpiLO",
        links: { UpdateService: { href: "/rest/v1/Managers/1/UpdateService" } },
      },
    }),
  },
  dimmBody: hpMemory,
  inventory: (bmc, components) => hpeInventory(bmc, components).filter((entry) => entry.name !== "Drive"),
  extraRoutes: () => [...ilo4UpdateRoutes(), ...ilo4NetworkAdapterRoutes()],
  translatePath: translateIlo4Path,
  finishReply: addLegacyProperties,
  errorBody: ilo4ErrorBody,
};
