import type { Route } from "../http/router";
import type { Rng } from "../rng";
import type { FirmwareType, ImageVendor, VendorKey } from "../types";
import type { Bmc } from "../bmc/bmc";
import type { Reply, RequestContext } from "../http/reply";

export interface ModelSpec {
  name: string;
  /** ComputerSystem `SKU`: a part number, machine type, or (Dell) the service tag. */
  sku: string | ((rng: Rng) => string);
  hostPrefix: string;
  cpu: { model: string; count: number; cores: number; threads: number; speedMhz: number };
  dimms: { count: number; sizeMiB: number; speedMhz: number; type: "DDR4" | "DDR5"; partNumber: string };
  nicPorts: number;
  drives: { count: number; model: string; capacityBytes: number; media: "SSD" | "HDD"; protocol: "SAS" | "SATA" };
  managerModel: string;
}

export interface ComponentSpec {
  type: FirmwareType;
  name: (bmc: Bmc) => string;
  softwareId: string;
  /** Defaults to the system manufacturer (Supermicro ships LSI/Broadcom controllers). */
  manufacturer?: string;
  /** Versions a fresh BMC may run (picked by seed); updates may install anything. */
  versions: readonly string[];
  /** Firmware inventory member id; Dell's embeds the version. */
  id: (version: string) => string;
}

export interface InventoryEntry {
  id: string;
  type?: FirmwareType;
  name: string;
  version: string;
  softwareId: string;
  updateable: boolean;
}

/** How a vendor treats a finished task monitor. */
export type MonitorPolicy = "keep" | "gone-after-read" | "delete-task-after-read";

export interface SubIds {
  system: string;
  manager: string;
  chassis: string;
  storage: string;
  volume: string;
  managerNic: string;
  account: string;
  processor: (n: number) => string;
  dimm: (n: number) => string;
  nic: (n: number) => string;
  drive: (n: number) => string;
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
  /** iLO writes every @odata.id with a trailing slash and matches paths case-insensitively. */
  trailingSlash: boolean;
  caseInsensitive: boolean;
  baseRegistry: string;
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
    /** iLO 5 answers an absolute Location for a new session. */
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
  /** Standard UpdateService with SimpleUpdate (iLO 4 has HPE's InstallFromURI instead). */
  simpleUpdate: boolean;
  /** HPE answers actions and DELETEs with 200 and a Success message rather than 204. */
  successBody: boolean;
  oem: Partial<Record<"root" | "system" | "manager" | "chassis" | "updateService", (bmc: Bmc) => unknown>>;
  /** Vendor-specific inventory extras (Dell `Previous-` entries, Lenovo's backup bank). */
  inventoryExtras?: (bmc: Bmc) => InventoryEntry[];
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
