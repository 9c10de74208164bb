import type { RedfishClient } from "./client";
import { readFirmware, managerInfo } from "./inventory/firmware";
import { readEthernetInterfaces, readMemory, readProcessors } from "./inventory/parts";
import { readSystemStorage } from "./inventory/storage";
import type { FirmwareEntry, FirmwareReading, Inventory, ManagerInfo, SystemInventory } from "./inventory/types";
import { dig, idOf, linkOf, linksOf, pathKey, prop, text, texts, type Json } from "./odata";
import { quirksFor } from "./vendors";

export type * from "./inventory/types";

async function collection(client: RedfishClient, name: string): Promise<Json[]> {
  const path = linkOf(client.root, name);
  return path ? client.members(path) : [];
}

/** The BMC's systems and managers, and the vendor quirks that read the rest. */
async function readTopology(client: RedfishClient) {
  const [systems, managerResources] = await Promise.all([collection(client, "Systems"), collection(client, "Managers")]);
  const managers = managerResources.map(managerInfo);
  const systemIds = systems.map((system) => idOf(system) ?? "");
  return { systems, managers, systemIds, quirks: quirksFor(client.vendor, text(prop(systems[0], "Manufacturer"))) };
}

const firmwareOfSystem = (firmware: FirmwareEntry[] | null, systemId: string | undefined) => firmware?.filter((entry) => entry.systems.includes(systemId ?? "")) ?? null;

/**
 * Crawls everything registration needs, starting at the service root and following links only.
 * Missing branches are recorded as null, never an error; a BMC with several systems (a blade
 * chassis manager) yields each of them.
 */
export async function readInventory(client: RedfishClient): Promise<Inventory> {
  const { systems, managers, systemIds, quirks } = await readTopology(client);
  const [firmware, details] = await Promise.all([
    readFirmware(client, systems, { systems: systemIds, managers }, quirks),
    Promise.all(
      systems.map(async (system) => {
        const [processors, memory, ethernetInterfaces, storage] = await Promise.all([
          readProcessors(client, system),
          readMemory(client, system),
          readEthernetInterfaces(client, system, quirks),
          readSystemStorage(client, system, quirks),
        ]);
        return { processors, memory, ethernetInterfaces, storage };
      }),
    ),
  ]);
  return {
    bmc: client.bmc,
    protocol: client.protocol,
    vendor: client.vendor,
    product: client.product,
    redfishVersion: text(prop(client.root, "RedfishVersion")),
    serviceUuid: text(prop(client.root, "UUID")),
    systems: systems.map((system, index) => ({
      ...identity(system),
      manager: managerOf(system, managers),
      ...details[index],
      firmware: firmwareOfSystem(firmware, systemIds[index]),
    })),
    managers,
    firmware,
  };
}

/**
 * What a firmware update changes, read the way `readInventory` reads it: per system its BIOS version,
 * its manager (and so the BMC's firmware version) and its firmware inventory entries. Processors,
 * memory, NICs and storage are not read: a flash does not change them.
 */
export async function readFirmwareInventory(client: RedfishClient): Promise<FirmwareReading> {
  const { systems, managers, systemIds, quirks } = await readTopology(client);
  const firmware = await readFirmware(client, systems, { systems: systemIds, managers }, quirks);
  return {
    systems: systems.map((system, index) => ({
      odataId: systemIds[index]!,
      biosVersion: biosVersionOf(system),
      manager: managerOf(system, managers),
      firmware: firmwareOfSystem(firmware, systemIds[index]),
    })),
  };
}

function identity(system: Json): Omit<SystemInventory, "manager" | "processors" | "memory" | "ethernetInterfaces" | "storage" | "firmware"> {
  return {
    odataId: idOf(system) ?? "",
    ...texts(system, { id: "Id", uuid: "UUID", serialNumber: "SerialNumber", manufacturer: "Manufacturer", model: "Model", sku: "SKU", hostName: "HostName" }),
    powerState: powerStateOf(system),
    biosVersion: biosVersionOf(system),
  };
}

// iLO 4 before Redfish 1.0 (ComputerSystem.0.9) reports `Power` and `Bios.Current.VersionString`.
export function powerStateOf(system: unknown): string | null {
  return text(prop(system, "PowerState")) ?? text(prop(system, "Power"));
}

/** `BiosVersion`, exactly as spelled (what compliance compares). */
export function biosVersionOf(system: unknown): string | null {
  return text(prop(system, "BiosVersion")) ?? text(dig(system, "Bios", "Current", "VersionString"));
}

/** The first manager in `Links.ManagedBy`, else the one whose `ManagerForServers` lists the system. */
function managerOf(system: Json, managers: ManagerInfo[]): ManagerInfo | null {
  const byKey = new Map(managers.map((manager) => [pathKey(manager.odataId), manager]));
  for (const target of linksOf(dig(system, "Links", "ManagedBy"))) {
    const manager = byKey.get(pathKey(target));
    if (manager) return manager;
  }
  const id = pathKey(idOf(system) ?? "");
  return managers.find((manager) => manager.systems.some((target) => pathKey(target) === id)) ?? null;
}
