import type { VendorKey } from "../types";

/**
 * What each profile must look like to a client, shape by shape, as the real captures show it
 * (iLO 5 2.46/2.55 on DL325/DL360 Gen10 Plus, iDRAC9 5.10 on an R650, iLO 4 `/rest/v1` fixtures,
 * Lenovo's XCC REST API guide, Supermicro X12). `fidelity.int.test.ts` checks every line.
 */
export interface Checklist {
  /** Fewest resources a crawl from the service root must reach. */
  minResources: number;
  /** `@odata.id`s end in `/` (iLO 4) or never do. */
  trailingSlash: boolean;
  /** Every DIMM socket listed (empty ones Absent), or the populated ones only; iLO 4 uses HP's `HpMemory`. */
  memory: { everySocket: boolean; hpMemory: boolean };
  /** DMTF Storage and/or HPE SmartStorage (under `Oem.<oem>.Links.SmartStorage`). */
  storage: { dmtf: boolean; smartStorage: boolean };
  /** DMTF NetworkAdapters and PCIeDevices under the chassis (iLO 4 has neither). */
  chassisAdapters: boolean;
  /** Host NICs as DMTF EthernetInterfaces, or HP NetworkAdapters (iLO 4). */
  hostNics: "EthernetInterfaces" | "HpNetworkAdapters";
  /** Version spellings: the system's `BiosVersion`, the manager's `FirmwareVersion`, and their inventory entries. */
  versions: { bios: RegExp; bmc: RegExp; biosInventory: RegExp; bmcInventory: RegExp };
  /** The firmware inventory (absent on iLO 4, whose FwSwVersionInventory hangs off the system). */
  inventory: { names: string[]; ids: RegExp; mixedUpdateable: boolean; driveSoftwareId?: RegExp } | null;
  /** `@odata.etag` as the vendor writes it, or none. */
  etag: RegExp | null;
  /** Resource types whose `Description` the vendor writes. */
  descriptions: string[];
  /** Serves `$expand=.` on collections (else 501). */
  expand: boolean;
  /** Message registries besides Base. */
  oemRegistry: string | null;
  oem: string;
}

const ILO_INVENTORY_VERSION = /^\d\.\d\d [A-Z][a-z]{2} \d\d \d{4}$/;

export const CHECKLIST: Record<VendorKey, Checklist> = {
  dell: {
    minResources: 110,
    trailingSlash: false,
    memory: { everySocket: false, hpMemory: false },
    storage: { dmtf: true, smartStorage: false },
    chassisAdapters: true,
    hostNics: "EthernetInterfaces",
    versions: { bios: /^\d+\.\d+\.\d+$/, bmc: /^\d\.\d\d\.\d\d\.\d\d$/, biosInventory: /^\d+\.\d+\.\d+$/, bmcInventory: /^\d\.\d\d\.\d\d\.\d\d$/ },
    inventory: {
      names: ["BIOS", "Integrated Dell Remote Access Controller", "Lifecycle Controller", "System CPLD", "PS1", "OS Collector"],
      ids: /^(Installed|Current|Previous)-\d+-[^_]+__[\w.:-]+$/,
      mixedUpdateable: true,
    },
    etag: null,
    descriptions: ["ComputerSystem", "Manager", "Chassis", "Processor", "Memory", "UpdateService"],
    expand: true,
    oemRegistry: null,
    oem: "Dell",
  },
  "hpe-ilo5": {
    minResources: 140,
    trailingSlash: false,
    memory: { everySocket: true, hpMemory: false },
    storage: { dmtf: true, smartStorage: true },
    chassisAdapters: true,
    hostNics: "EthernetInterfaces",
    versions: {
      bios: /^U46 v\d\.\d\d \(\d\d\/\d\d\/\d{4}\)$/,
      bmc: /^iLO 5 v\d\.\d\d$/,
      biosInventory: /^U46 v\d\.\d\d \(\d\d\/\d\d\/\d{4}\)$/,
      bmcInventory: ILO_INVENTORY_VERSION,
    },
    inventory: {
      names: [
        "iLO 5",
        "System ROM",
        "Redundant System ROM",
        "System Programmable Logic Device",
        "Intelligent Provisioning",
        "Innovation Engine (IE) Firmware",
        "Server Platform Services (SPS) Firmware",
        "Power Supply Firmware",
        "TPM Firmware",
        "Drive",
      ],
      ids: /^\d+$/,
      mixedUpdateable: true,
      driveSoftwareId: /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}:[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/,
    },
    etag: /^W\/"[0-9A-F]{8}"$/,
    descriptions: ["ComputerSystemCollection", "ManagerCollection", "UpdateService", "SoftwareInventoryCollection"],
    expand: true,
    oemRegistry: "iLO",
    oem: "Hpe",
  },
  "hpe-ilo4": {
    minResources: 80,
    trailingSlash: true,
    memory: { everySocket: true, hpMemory: true },
    storage: { dmtf: false, smartStorage: true },
    chassisAdapters: false,
    hostNics: "HpNetworkAdapters",
    versions: {
      bios: /^P89 v\d\.\d\d \(\d\d\/\d\d\/\d{4}\)$/,
      bmc: /^iLO 4 v\d\.\d\d$/,
      biosInventory: /^P89 v\d\.\d\d \(\d\d\/\d\d\/\d{4}\)$/,
      bmcInventory: ILO_INVENTORY_VERSION,
    },
    inventory: null,
    etag: null,
    descriptions: ["ComputerSystemCollection", "ManagerCollection"],
    expand: false,
    oemRegistry: "iLO",
    oem: "Hp",
  },
  supermicro: {
    minResources: 100,
    trailingSlash: false,
    memory: { everySocket: false, hpMemory: false },
    storage: { dmtf: true, smartStorage: false },
    chassisAdapters: true,
    hostNics: "EthernetInterfaces",
    versions: { bios: /^\d\.\d[a-z]?$/, bmc: /^\d\d\.\d\d\.\d\d$/, biosInventory: /^\d\.\d[a-z]?$/, bmcInventory: /^\d\d\.\d\d\.\d\d$/ },
    inventory: { names: ["BIOS", "BMC", "LSI MegaRAID SAS 3108", "CPLD"], ids: /^[\w.-]+$/, mixedUpdateable: true },
    etag: null,
    descriptions: [],
    expand: false,
    oemRegistry: null,
    oem: "Supermicro",
  },
  lenovo: {
    minResources: 120,
    trailingSlash: false,
    memory: { everySocket: true, hpMemory: false },
    storage: { dmtf: true, smartStorage: false },
    chassisAdapters: true,
    hostNics: "EthernetInterfaces",
    versions: {
      bios: /^IVE1[0-9A-Z]{3}-\d\.\d\d$/,
      bmc: /^CDI3[0-9A-Z]{3}-\d\.\d\d$/,
      biosInventory: /^[0-9A-Z]{3}-\d\.\d\d$/,
      bmcInventory: /^[0-9A-Z]{3}-\d\.\d\d$/,
    },
    inventory: { names: ["Firmware:BMC", "Firmware:UEFI", "Firmware:LXPM", "Firmware:PSU1"], ids: /^[\w.-]+$/, mixedUpdateable: true },
    etag: /^"[0-9a-f]{8}"$/,
    descriptions: ["ComputerSystem", "Manager", "Chassis", "SoftwareInventoryCollection"],
    expand: true,
    oemRegistry: null,
    oem: "Lenovo",
  },
  openbmc: {
    minResources: 80,
    trailingSlash: false,
    memory: { everySocket: true, hpMemory: false },
    storage: { dmtf: true, smartStorage: false },
    chassisAdapters: true,
    hostNics: "EthernetInterfaces",
    versions: {
      bios: /^P\d\.\d\d$/,
      bmc: /^\d+\.\d+\.\d+-dev-\d+-g[0-9a-f]{9}$/,
      biosInventory: /^P\d\.\d\d$/,
      bmcInventory: /^\d+\.\d+\.\d+-dev-\d+-g[0-9a-f]{9}$/,
    },
    inventory: { names: ["Software Inventory"], ids: /^([0-9a-f]{8}|bios_active)$/, mixedUpdateable: false },
    etag: null,
    descriptions: ["ComputerSystem", "Manager", "UpdateService"],
    expand: false,
    oemRegistry: null,
    oem: "OpenBmc",
  },
};
