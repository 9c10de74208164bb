import type { Bmc } from "../bmc/bmc";
import type { Rng } from "../rng";
import { DELL_JOBS, dellJobRoutes } from "./dell-jobs";
import { modernTypes } from "./schema";
import type { ComponentSpec, InventoryEntry, ModelSpec, VendorProfile } from "./types";

const DIGITS = "0123456789";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
/** Service tags skip vowels and look-alikes. */
const serviceTag = (rng: Rng) => rng.chars("0123456789BCDFGHJKLMNPQRSTVWXYZ", 7);

const models: ModelSpec[] = [
  {
    name: "PowerEdge R750",
    sku: serviceTag,
    hostPrefix: "r750",
    cpu: { model: "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", count: 2, cores: 32, threads: 64, speedMhz: 2000 },
    dimms: { count: 16, sizeMiB: 32768, speedMhz: 3200, type: "DDR4", partNumber: "HMA84GR7DJR4N-XN" },
    nicPorts: 4,
    drives: { count: 4, model: "MZ7L3960HCJR0D3", capacityBytes: 960197124096, media: "SSD", protocol: "SATA" },
    managerModel: "15G Monolithic",
  },
  {
    name: "PowerEdge R650",
    sku: serviceTag,
    hostPrefix: "r650",
    cpu: { model: "Intel(R) Xeon(R) Gold 5318Y CPU @ 2.10GHz", count: 2, cores: 24, threads: 48, speedMhz: 2100 },
    dimms: { count: 8, sizeMiB: 32768, speedMhz: 3200, type: "DDR4", partNumber: "HMA84GR7DJR4N-XN" },
    nicPorts: 2,
    drives: { count: 2, model: "MZ7L3480HCHQAD3", capacityBytes: 480103981056, media: "SSD", protocol: "SATA" },
    managerModel: "15G Monolithic",
  },
];

/** iDRAC inventory ids embed the component id and the version: `Installed-159-1.10.2`. */
function component(type: ComponentSpec["type"], softwareId: string, name: ComponentSpec["name"], versions: string[]): ComponentSpec {
  return { type, softwareId, name, versions, id: (version) => `Installed-${softwareId}-${version}` };
}

const components: ComponentSpec[] = [
  component("bios", "159", () => "BIOS", ["1.6.5", "1.8.2", "1.10.2"]),
  component("bmc", "25227", () => "Integrated Dell Remote Access Controller", ["6.00.30.00", "6.10.30.00", "6.10.80.00"]),
  component("storage_controller", "104537", () => "PERC H755 Front", ["52.16.1-4405", "52.21.0-4606"]),
  component("nic", "108245", (bmc) => `Broadcom Adv. Dual 25Gb Ethernet - ${bmc.identity.macs[0]}`, ["21.85.21.92", "22.00.7"]),
];

/** After an update iDRAC also lists the version it replaced, as `Previous-<id>-<version>`. */
function previousEntries(bmc: Bmc): InventoryEntry[] {
  return components.flatMap((spec) => {
    const version = bmc.previous.get(spec.type);
    if (version === undefined) return [];
    const id = `Previous-${spec.softwareId}-${version}`;
    return [{ id, name: spec.name(bmc), version, softwareId: spec.softwareId, updateable: false }];
  });
}

export const dell: VendorProfile = {
  key: "dell",
  family: "dell",
  vendorName: "Dell",
  manufacturer: "Dell Inc.",
  product: () => "Integrated Dell Remote Access Controller",
  redfishVersion: "1.17.0",
  models,
  ids: {
    system: "System.Embedded.1",
    manager: "iDRAC.Embedded.1",
    chassis: "System.Embedded.1",
    storage: "RAID.Integrated.1-1",
    volume: "Disk.Virtual.0:RAID.Integrated.1-1",
    managerNic: "NIC.1",
    account: "2",
    processor: (n) => `CPU.Socket.${n}`,
    dimm: (n) => `DIMM.Socket.${"AB"[Math.floor((n - 1) / 8)]}${((n - 1) % 8) + 1}`,
    nic: (n) => `NIC.Integrated.1-${n}-1`,
    drive: (n) => `Disk.Bay.${n - 1}:Enclosure.Internal.0-1:RAID.Integrated.1-1`,
  },
  trailingSlash: false,
  caseInsensitive: false,
  baseRegistry: "Base.1.12",
  odataType: modernTypes({
    ServiceRoot: "v1_15_0",
    ComputerSystem: "v1_20_0",
    Manager: "v1_17_0",
    Chassis: "v1_23_0",
    UpdateService: "v1_11_0",
  }),
  components,
  identity: {
    serial: (rng) => `CN${rng.chars(DIGITS, 4)}${rng.chars(UPPER, 3)}${rng.chars(DIGITS, 5)}`,
    oui: "B0:7B:25",
    // iDRAC system UUIDs start with "DELL" in ASCII.
    uuidPrefix: "4c4c4544",
  },
  headers: { Server: "Apache" },
  contentType: "application/json;odata.metadata=minimal;charset=utf-8",
  sessions: { id: (counter) => String(counter), max: 16, limitStatus: 400, absoluteLocation: false },
  tasks: {
    id: (_counter, rng) => `JID_${rng.chars(DIGITS, 12)}`,
    monitor: null,
    jobPath: (taskId) => `${DELL_JOBS}/${taskId}`,
    scheduledUntilReset: true,
  },
  simpleUpdate: true,
  successBody: false,
  oem: {
    root: (bmc) => ({
      Dell: {
        "@odata.type": "#DellServiceRoot.v1_0_0.DellServiceRoot",
        ManagerMACAddress: bmc.identity.bmcMac,
        ServiceTag: bmc.identity.sku,
      },
    }),
    system: (bmc) => ({
      Dell: {
        "@odata.type": "#DellOem.v1_3_0.DellOemResources",
        DellSystem: { "@odata.type": "#DellSystem.v1_3_0.DellSystem", ChassisServiceTag: bmc.identity.sku, NodeID: bmc.identity.sku },
      },
    }),
    manager: () => ({
      Dell: {
        "@odata.type": "#DellOem.v1_3_0.DellOemResources",
        DelliDRACCard: { "@odata.type": "#DelliDRACCard.v1_1_0.DelliDRACCard", IPMIVersion: "2.0" },
        Jobs: { "@odata.id": DELL_JOBS },
      },
    }),
  },
  inventoryExtras: previousEntries,
  extraRoutes: dellJobRoutes,
};
