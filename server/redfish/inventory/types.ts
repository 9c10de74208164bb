/**
 * The vendor-neutral inventory `readInventory()` returns. Strings are kept exactly as the BMC
 * spells them (versions above all); `null` means the BMC did not say. A branch the BMC does not
 * serve at all (no `Storage`, no `EthernetInterfaces`, no `FirmwareInventory`...) is `null`, an
 * empty one is `[]`.
 */
export type FirmwareComponent = "bios" | "bmc" | "storage_controller" | "nic" | "other";

export interface ProcessorInfo {
  odataId: string;
  id: string | null;
  socket: string | null;
  manufacturer: string | null;
  model: string | null;
  cores: number | null;
  threads: number | null;
  /** `MaxSpeedMHz`, else `OperatingSpeedMHz`. */
  speedMhz: number | null;
  serialNumber: string | null;
  partNumber: string | null;
}

export interface MemoryInfo {
  /** DIMMs present (slots reported `Absent` are not counted); null without a Memory collection. */
  dimmCount: number | null;
  /** Sum of the present DIMMs, else the system's `MemorySummary.TotalSystemMemoryGiB`. */
  totalGiB: number | null;
}

export interface EthernetInterfaceInfo {
  odataId: string;
  id: string | null;
  name: string | null;
  macAddress: string | null;
  speedMbps: number | null;
  /** `LinkUp`, `LinkDown`, `NoLink`... as reported. */
  linkStatus: string | null;
  ipv4Addresses: string[];
  ipv6Addresses: string[];
}

export interface StorageControllerInfo {
  odataId: string | null;
  name: string | null;
  manufacturer: string | null;
  model: string | null;
  firmwareVersion: string | null;
  serialNumber: string | null;
}

export interface DriveInfo {
  odataId: string;
  id: string | null;
  name: string | null;
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  capacityBytes: number | null;
  /** `SSD`, `HDD`... */
  mediaType: string | null;
  /** `SAS`, `SATA`, `NVMe`... */
  protocol: string | null;
  firmwareVersion: string | null;
  /** `Status.State` and `Status.Health`. */
  state: string | null;
  health: string | null;
}

export interface VolumeInfo {
  odataId: string;
  id: string | null;
  name: string | null;
  /** `RAID1`... (HPE Smart Storage's `Raid: "1"` becomes `RAID1`). */
  raidType: string | null;
  capacityBytes: number | null;
  state: string | null;
  health: string | null;
}

/**
 * One storage subsystem: a DMTF `Storage` resource, one HPE Smart Storage array controller, or a
 * DMTF `SimpleStorage` resource.
 */
export interface StorageInfo {
  odataId: string;
  id: string | null;
  name: string | null;
  source: "storage" | "hpe_smart_storage" | "simple_storage";
  controllers: StorageControllerInfo[];
  drives: DriveInfo[];
  volumes: VolumeInfo[];
}

export interface ManagerInfo {
  odataId: string;
  id: string | null;
  model: string | null;
  managerType: string | null;
  /** `FirmwareVersion` exactly as spelled. */
  firmwareVersion: string | null;
  uuid: string | null;
  /** `Links.ManagerForServers`. */
  systems: string[];
}

export interface FirmwareEntry {
  /** The member's `Id` (iLO 4 legacy: `<device class>.<index>`). */
  id: string;
  odataId: string;
  name: string | null;
  /** `Version` exactly as spelled. */
  version: string | null;
  softwareId: string | null;
  /** null when the BMC does not say. */
  updateable: boolean | null;
  /** `Status.State`. */
  state: string | null;
  component: FirmwareComponent;
  /** `@odata.id`s of the systems it belongs to (see README: RelatedItem, else the whole BMC). */
  systems: string[];
}

export interface SystemInventory {
  odataId: string;
  id: string | null;
  uuid: string | null;
  serialNumber: string | null;
  /** As reported (`Dell Inc.`, `HP`); `canonicalVendor()` in server/lib/vendors gives `Dell`, `HPE`. */
  manufacturer: string | null;
  model: string | null;
  sku: string | null;
  hostName: string | null;
  powerState: string | null;
  /** `BiosVersion` exactly as spelled. */
  biosVersion: string | null;
  /** The first manager in `Links.ManagedBy`. */
  manager: ManagerInfo | null;
  processors: ProcessorInfo[] | null;
  memory: MemoryInfo;
  ethernetInterfaces: EthernetInterfaceInfo[] | null;
  storage: StorageInfo[] | null;
  /** The firmware entries that belong to this system (null when the BMC has no firmware inventory). */
  firmware: FirmwareEntry[] | null;
}

export interface Inventory {
  bmc: string;
  protocol: "redfish" | "rest";
  vendor: string | null;
  product: string | null;
  redfishVersion: string | null;
  serviceUuid: string | null;
  systems: SystemInventory[];
  managers: ManagerInfo[];
  /** Every firmware inventory entry of the BMC; null when it serves none. */
  firmware: FirmwareEntry[] | null;
}

/** `readFirmwareInventory()`: the part of each system's inventory a firmware update changes. */
export interface FirmwareReading {
  systems: Pick<SystemInventory, "odataId" | "biosVersion" | "manager" | "firmware">[];
}
