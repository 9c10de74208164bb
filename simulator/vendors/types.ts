import type { Route } from "../http/router";
import type { Rng } from "../rng";
import type { FirmwareType, Habits, ImageVendor, Quirks, VendorKey } from "../types";
import type { Bmc } from "../bmc/bmc";
import type { DimmSlot } from "../bmc/hardware";
import type { TaskRecord } from "../bmc/tasks";
import type { Reply, RequestContext } from "../http/reply";

export interface ModelSpec {
  name: string;
  /** ComputerSystem `SKU`: a part number, machine type, or (Dell) the service tag. */
  sku: string | ((rng: Rng) => string);
  hostPrefix: string;
  cpu: {
    model: string;
    count: number;
    cores: number;
    threads: number;
    speedMhz: number;
    /** CPUID signature (`ProcessorId.IdentificationRegisters`) and microcode revision. */
    cpuid: string;
    microcode: string;
  };
  /** `slots` DIMM sockets, `count` of them populated (spread evenly over the CPUs). */
  dimms: { slots: number; count: number; sizeMiB: number; speedMhz: number; type: "DDR4" | "DDR5"; partNumber: string; manufacturer: string };
  nicPorts: number;
  drives: { count: number; model: string; capacityBytes: number; media: "SSD" | "HDD"; protocol: "SAS" | "SATA"; firmware: string };
  managerModel: string;
}

export interface ComponentSpec {
  type: FirmwareType;
  name: (bmc: Bmc) => string;
  softwareId: string;
  /** Defaults to the system manufacturer (Supermicro ships LSI/Broadcom controllers). */
  manufacturer?: string;
  /** Versions a fresh BMC may run (picked by seed), in the spelling compliance reads; updates may install anything. */
  versions: readonly string[];
  /** Firmware inventory member id; Dell's embeds the version. */
  id: (version: string) => string;
  /** How the inventory spells `version` when it differs from where compliance reads it (iLO: `iLO 5 v2.55` -> `2.55 Oct 01 2021`). */
  inventoryVersion?: (version: string) => string;
  /** Inventory `Description` (HPE's device class name). */
  description?: string;
}

export interface InventoryEntry {
  id: string;
  type?: FirmwareType;
  name: string;
  version: string;
  softwareId?: string;
  updateable: boolean;
  description?: string;
  /** `Status`; iLO leaves it out for backup banks and some embedded parts. */
  status?: { State: string; Health?: string } | null;
  /** The resources this firmware runs on (`RelatedItem`). */
  related?: string[];
  oem?: Record<string, unknown>;
  manufacturer?: string;
}

/**
 * How a vendor treats a finished task monitor: keeps answering with the task, forgets the monitor
 * once read (iLO), deletes the task once read (XCC), or answers 204 once and then 404 (bmcweb).
 */
export type MonitorPolicy = "keep" | "gone-after-read" | "delete-task-after-read" | "no-content-once";

/** The DMTF UpdateService as a family serves it. */
export interface UpdateServiceSpec {
  /** `#UpdateService.SimpleUpdate` is offered (OpenBMC builds leave it out). */
  simpleUpdate: boolean;
  /** SimpleUpdate's parameters are listed in an ActionInfo resource rather than inline (Supermicro). */
  simpleUpdateActionInfo?: boolean;
  /** What this family adds to the resource: push URIs, claims, options, and actions (StartUpdate). */
  extras?: (bmc: Bmc) => { properties?: Record<string, unknown>; actions?: Record<string, unknown> };
  /** PATCH of the UpdateService (XCC's push claim, OpenBMC's apply time); absent: 405. */
  patch?: (ctx: RequestContext) => Reply;
}

export interface SubIds {
  system: string;
  manager: string;
  chassis: string;
  storage: string;
  volume: string;
  managerNic: string;
  account: string;
  processor: (n: number) => string;
  /** DIMM socket `slot` (1-based) of CPU `cpu` (1-based). */
  dimm: (cpu: number, slot: number) => string;
  nic: (n: number) => string;
  drive: (n: number) => string;
  networkAdapter: string;
  /** PCIe device ids of the NIC and the storage controller. */
  pcieDevice: (kind: "nic" | "storage") => string;
  logService: string;
}

/** Power supplies, fans and sensors of the chassis, as this vendor names them. */
export interface HardwareSpec {
  psu: { model: string; partNumber: string; firmware: string; watts: number; manufacturer: string; name: (n: number) => string };
  fans: { count: number; name: (n: number) => string; unit: "RPM" | "Percent"; reading: number };
  temperatures: { inlet: string; cpu: (n: number) => string; system: string };
  nicAdapter: { model: string; partNumber: string; manufacturer: string; pci: [string, string] };
  storagePci: [string, string];
  /** A storage controller the BMC reports but does not update (OpenBMC's onboard SATA), when no component is one. */
  storageController?: { name: string; manufacturer: string; firmware: string };
}

export interface VendorProfile {
  key: VendorKey;
  family: ImageVendor;
  /** Service root `Vendor`. */
  vendorName: string;
  manufacturer: string;
  product: (model: ModelSpec) => string;
  redfishVersion: string;
  models: readonly ModelSpec[];
  ids: SubIds;
  /** Path segments that differ from the DMTF spelling (iLO 5 links `bios`, iLO 4 has `Schemas`, `NetworkService`). */
  pathNames?: { bios?: string; jsonSchemas?: string; networkProtocol?: string };
  /** Whether `@odata.id`s end in `/` by default (iLO 4); a `trailingSlash` quirk can override it per BMC. */
  defaultTrailingSlash: boolean;
  caseInsensitive: boolean;
  /** Firmware variants this profile can be switched to. */
  quirks: readonly (keyof Quirks)[];
  /** DMTF `Storage`, HPE `SmartStorage`, or both (iLO 5). */
  storage: "dmtf" | "smart-storage" | "both";
  /** iLO 4 reports host NICs as HP `NetworkAdapters` only; the others as DMTF EthernetInterfaces. */
  hostNics: "ethernet-interfaces" | "hp-network-adapters";
  /** iLO and XCC list every DIMM slot (empty ones `Absent`); iDRAC and Supermicro list the populated ones. */
  listsEmptyDimmSlots: boolean;
  /** Serves `$expand=.` on collections (otherwise any `$` query answers 501). */
  expand: boolean;
  /** `ETag` (and `@odata.etag` when `inBody`) from a hash of the body, in the vendor's form; absent if the vendor sends none. */
  etag?: { format: (hash: number) => string; inBody: boolean };
  /** `Description` per resource type where the vendor writes one. */
  descriptions?: Partial<Record<string, string>>;
  hardware: HardwareSpec;
  bios: { registry: string; attributes: (bmc: Bmc) => Record<string, unknown> };
  baseRegistry: string;
  /** The vendor's own message registry beside Base (iLO's `iLO.2.14`). */
  oemRegistry?: { prefix: string; version: string; messages: Record<string, string> };
  odataType: (name: string) => string;
  components: readonly ComponentSpec[];
  identity: {
    serial: (rng: Rng) => string;
    oui: string;
    uuidPrefix?: string;
  };
  headers: Record<string, string>;
  /** Content-Type of JSON answers (iDRAC adds odata.metadata=minimal). */
  contentType?: string;
  sessions: {
    id: (counter: number, username: string, rng: Rng) => string;
    max: number;
    limitStatus: 400 | 503;
    /** iLO answers an absolute Location for a new session. */
    absoluteLocation: boolean;
  };
  tasks: {
    id: (counter: number, rng: Rng) => string;
    /** Where task monitors live (a route pattern) and the Location of one; null for Dell's jobs. */
    monitor: { pattern: string; path: (taskId: string, rng: Rng) => string; policy: MonitorPolicy } | null;
    /** Dell answers an update with the Location of its job resource instead of a task monitor. */
    jobPath?: (taskId: string) => string;
    /** Dell keeps a staged BIOS job `Scheduled` (task `Pending`) until the host reboots. */
    scheduledUntilReset: boolean;
  };
  /** The DMTF UpdateService; null where the family has its own (iLO 4's InstallFromURI). */
  updateService: UpdateServiceSpec | null;
  /** The habits this family has, each with its default (see `Habits`). */
  habits: Habits;
  /** Actions, PATCHes and DELETEs answer 204, or 200 with a Success message: HPE's, or bmcweb's `@Message.ExtendedInfo`. */
  successBody: false | "hpe" | "extended-info";
  oem: Partial<Record<"root" | "system" | "manager" | "chassis" | "updateService", (bmc: Bmc) => unknown>>;
  /** `Oem` of a task (iDRAC shows its job there). */
  taskOem?: (task: TaskRecord) => unknown;
  /** `Oem` of a DIMM slot (iLO 5's `DIMMStatus`). */
  dimmOem?: (present: boolean) => unknown;
  /** Replaces the DMTF Memory body (iLO 4 serves HP's own `HpMemory`). */
  dimmBody?: (bmc: Bmc, slot: DimmSlot, id: string) => Record<string, unknown>;
  /** The full firmware inventory from the component entries: the vendor's order and extras (Dell `Previous-`, iLO's CPLD, SPS, drives...). */
  inventory?: (bmc: Bmc, components: InventoryEntry[]) => InventoryEntry[];
  /** `UpdateService.SoftwareInventory` members (host software the BMC knows of). */
  softwareInventory?: (bmc: Bmc) => InventoryEntry[];
  /** Routes only this vendor serves (Dell jobs, iLO 4's legacy tree and InstallFromURI). */
  extraRoutes?: () => Route[];
  /** Maps a request path before routing (iLO 4 serves /rest/v1 as a mirror). */
  translatePath?: (path: string) => { path: string; legacy: boolean };
  /** Last touch on every reply (iLO 4 adds its pre-Redfish compatibility properties). */
  finishReply?: (reply: Reply, ctx: RequestContext) => Promise<Reply> | Reply;
  errorBody?: (messageId: string, message: string) => unknown;
  /** Overrides the service root's `UpdateService` link (iLO 4 points it at its manager). */
  updateServicePath?: string;
}
