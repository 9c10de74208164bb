import type { RedfishClient } from "../client";
import type { EthernetInterfaceInfo, FirmwareComponent, StorageInfo } from "../inventory/types";
import type { Json } from "../odata";
import type { UpdateMethod, UpdateRequest } from "../update/types";

/** How a vendor takes firmware updates, where it departs from "pull first, then push". */
export interface UpdateQuirks {
  /** The methods this vendor should be sent updates through, in order, from those the service offers. */
  methods?(offered: UpdateMethod[]): UpdateMethod[];
  /** Why this image cannot go through `method` on this BMC (iLO 5 packages), else undefined. */
  refuseImage?(method: UpdateMethod, imageName: string): string | undefined;
  /** SimpleUpdate `Targets` the vendor needs even on a one-system BMC (Supermicro). */
  simpleUpdateTargets?(request: UpdateRequest): string[] | undefined;
  /** A push must first claim `HttpPushUriTargetsBusy` (Lenovo XCC). */
  claimsPush?: boolean;
  /** A multipart push uploads with these parameters, then `UpdateService.StartUpdate` starts it (Supermicro). */
  twoPhasePush?(request: UpdateRequest): { targets: string[]; oem: Json };
  /** Components whose image the BMC writes only with the host powered off (OpenBMC's BIOS). */
  hostOffFor?: FirmwareComponent[];
}

/** What the component rules see of a firmware inventory entry. */
export interface FirmwareFacts {
  id: string;
  name: string | null;
  softwareId: string | null;
  /** iLO 5 puts the device class here (`SystemRomActive`); iLO 4 legacy entries carry it as their key. */
  description: string | null;
  /** What its `RelatedItem` points at, when that is known. */
  related: "system" | "manager" | "storage" | "network" | null;
}

/** An entry from a vendor's own firmware inventory, before it is mapped to systems and classified. */
export interface OemFirmwareEntry {
  id: string;
  odataId: string;
  name: string | null;
  version: string | null;
  description: string | null;
  /** The system it was read from. */
  system: string;
}

/** A vendor's quirks, behind one small interface. Everything is optional: the DMTF way is the default. */
export interface VendorQuirks {
  name: string;
  /** Leave out `OData-Version: 4.0` for this service (it answers more useful bodies without it). */
  omitODataVersion?(root: Json): boolean;
  /** A component for entries this vendor names its own way; undefined leaves it to the generic rules. */
  classifyFirmware?(facts: FirmwareFacts): FirmwareComponent | undefined;
  /** Storage when a system has no DMTF `Storage`. */
  readStorage?(client: RedfishClient, system: Json): Promise<StorageInfo[] | null>;
  /** Host NICs when a system lists no DMTF `EthernetInterfaces`. */
  readEthernetInterfaces?(client: RedfishClient, system: Json): Promise<EthernetInterfaceInfo[] | null>;
  /** Firmware when the service has no `UpdateService.FirmwareInventory`. */
  readFirmware?(client: RedfishClient, systems: Json[]): Promise<OemFirmwareEntry[] | null>;
  /** A stable key for a firmware inventory member whose id changes with its version (Dell), to find it again after an update. */
  firmwareKey?(id: string): string;
  update?: UpdateQuirks;
}
