import type { Bmc } from "../bmc/bmc";
import type { Rng } from "../rng";
import { DELL_FQDD, dellId, dellInventory } from "./dell-inventory";
import { DELL_JOBS, dellJobRoutes, jobBody } from "./dell-jobs";
import { DELL_JOB_SERVICE, dellJobServiceRoutes } from "./dell-job-service";
import { DELL_MULTIPART_UPLOAD, dellPushRoutes } from "./dell-push";
import { TASK_HABITS } from "./habits";
import { xeon } from "./cpus";
import { modernTypes } from "./schema";
import type { ComponentSpec, ModelSpec, VendorProfile } from "./types";

const DIGITS = "0123456789";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
/** Service tags skip vowels and look-alikes. */
const serviceTag = (rng: Rng) => rng.chars("0123456789BCDFGHJKLMNPQRSTVWXYZ", 7);

const models: ModelSpec[] = [
  {
    name: "PowerEdge R750",
    sku: serviceTag,
    hostPrefix: "r750",
    cpu: xeon("ice-lake", "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", 32, 2000),
    dimms: { slots: 32, count: 16, sizeMiB: 32768, speedMhz: 3200, type: "DDR4", partNumber: "HMA84GR7DJR4N-XN", manufacturer: "Hynix Semiconductor" },
    nicPorts: 4,
    drives: { count: 4, model: "MZ7L3960HCJR0D3", capacityBytes: 960197124096, media: "SSD", protocol: "SATA", firmware: "HXT7404Q" },
    managerModel: "15G Monolithic",
  },
  {
    name: "PowerEdge R650",
    sku: serviceTag,
    hostPrefix: "r650",
    cpu: xeon("ice-lake", "Intel(R) Xeon(R) Gold 5318Y CPU @ 2.10GHz", 24, 2100),
    dimms: { slots: 32, count: 8, sizeMiB: 32768, speedMhz: 3200, type: "DDR4", partNumber: "HMA84GR7DJR4N-XN", manufacturer: "Hynix Semiconductor" },
    nicPorts: 2,
    drives: { count: 2, model: "MZ7L3480HCHQAD3", capacityBytes: 480103981056, media: "SSD", protocol: "SATA", firmware: "HXT7404Q" },
    managerModel: "15G Monolithic",
  },
];

/** iDRAC inventory ids embed the component id, the version and the FQDD: `Installed-159-1.2.4__BIOS.Setup.1-1`. */
function component(type: ComponentSpec["type"], softwareId: string, name: ComponentSpec["name"], versions: string[]): ComponentSpec {
  return { type, softwareId, name, versions, id: (version) => dellId("Installed", softwareId, version, DELL_FQDD[type]) };
}

/** An R650 with iDRAC 5.10 reports BIOS `1.2.4` and iDRAC `5.10.00.00`, spelled the same everywhere. */
const components: ComponentSpec[] = [
  component("bios", "159", () => "BIOS", ["1.2.4", "1.6.5", "1.10.2"]),
  component("bmc", "25227", () => "Integrated Dell Remote Access Controller", ["5.10.00.00", "6.00.30.00", "6.10.30.00"]),
  component("storage_controller", "104537", () => "PERC H755 Front", ["52.16.1-4405", "52.21.0-4606"]),
  component("nic", "108245", (bmc) => `Broadcom Adv. Dual 25Gb Ethernet - ${bmc.identity.macs[0]}`, ["21.85.21.92", "22.00.7"]),
];

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
    dimm: (cpu, slot) => `DIMM.Socket.${"AB"[cpu - 1]}${slot}`,
    nic: (n) => `NIC.Integrated.1-${n}-1`,
    drive: (n) => `Disk.Bay.${n - 1}:Enclosure.Internal.0-1:RAID.Integrated.1-1`,
    networkAdapter: "NIC.Integrated.1",
    pcieDevice: (kind) => (kind === "nic" ? "49-0" : "101-0"),
    logService: "Lclog",
  },
  defaultTrailingSlash: false,
  caseInsensitive: false,
  quirks: [],
  storage: "dmtf",
  hostNics: "ethernet-interfaces",
  listsEmptyDimmSlots: false,
  expand: true,
  descriptions: {
    ComputerSystem:
      "Computer System which represents a machine (physical or virtual) and the local resources such as memory, cpu and other devices that can be accessed from that machine.",
    Manager: "BMC",
    Chassis: "It represents the properties for physical components for any system.",
    Processor: "Represents the properties of a Processor attached to this System",
    Memory: "This schema represents the Memory class.",
    EthernetInterface: "The EthernetInterface schema contains an inventory of Ethernet interface components.",
    UpdateService: "Represents the properties for the Update Service",
    SoftwareInventoryCollection: "Collection of Firmware Inventory",
    SoftwareInventory: "Represents Firmware Inventory",
    EventService: "Event Service represents the properties for the service",
    ManagerNetworkProtocol: "Settings for Manager Network Protocol",
  },
  hardware: {
    psu: {
      model: "PWR SPLY,800W,RDNT,LTON",
      partNumber: "01CW9GA03",
      firmware: "00.1B.53",
      watts: 800,
      manufacturer: "DELL",
      name: (n) => `PS${n} Status`,
    },
    fans: { count: 6, name: (n) => `System Board Fan${n}A`, unit: "RPM", reading: 7800 },
    temperatures: { inlet: "System Board Inlet Temp", cpu: (n) => `CPU${n} Temp`, system: "System Board Exhaust Temp" },
    nicAdapter: { model: "Broadcom Adv. Dual 25Gb Ethernet", partNumber: "0PM14W", manufacturer: "Broadcom Inc. and subsidiaries", pci: ["0x14e4", "0x16d7"] },
    storagePci: ["0x1000", "0x10e2"],
  },
  bios: {
    registry: "BiosAttributeRegistry.v1_0_3",
    attributes: (bmc: Bmc) => ({
      SystemModelName: bmc.model,
      SystemServiceTag: bmc.identity.sku,
      SystemBiosVersion: bmc.reported("bios"),
      BootMode: "Uefi",
      LogicalProc: "Enabled",
      ProcVirtualization: "Enabled",
      SriovGlobalEnable: "Disabled",
      SysProfile: "PerfPerWattOptimizedDapc",
    }),
  },
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
  updateService: { simpleUpdate: true, extras: () => ({ properties: { MultipartHttpPushUri: DELL_MULTIPART_UPLOAD } }) },
  habits: { ...TASK_HABITS, alreadyPresent: true },
  successBody: false,
  taskOem: (task) => ({ Dell: jobBody(task) }),
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
        DellJobService: { "@odata.id": DELL_JOB_SERVICE },
      },
    }),
  },
  inventory: (bmc, entries) => dellInventory(bmc, entries, components),
  softwareInventory: () => [
    { id: dellId("Installed", "101734", "5.1.0.0", "ServiceModule.Embedded.1"), name: "iDRAC Service Module Embedded Package", version: "5.1.0.0", softwareId: "101734", updateable: true },
  ],
  extraRoutes: () => [...dellJobRoutes(), ...dellJobServiceRoutes(), ...dellPushRoutes()],
};
