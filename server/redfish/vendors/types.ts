import type { RedfishClient } from "../client";
import type { EthernetInterfaceInfo, FirmwareComponent, StorageInfo } from "../inventory/types";
import type { Json } from "../odata";

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
}
