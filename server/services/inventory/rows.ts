import type { serverEthernetInterfaces, serverFirmwares, serverProcessors, servers, serverStorages } from "~/db/schema";
import { canonicalVendor } from "~/server/lib/vendors";
import type { DriveInfo, FirmwareEntry, Inventory, StorageInfo, SystemInventory } from "~/server/redfish";

type PartInsert<T extends { $inferInsert: unknown }> = Omit<T["$inferInsert"], "serverId" | "id">;
export type ServerInventoryColumns = Omit<typeof servers.$inferInsert, "id" | "name" | "nameSetByOperator" | "resourcePoolId" | "protected" | "description" | "tags">;
export type FirmwareRow = PartInsert<typeof serverFirmwares>;
export type ServerParts = {
  processors: PartInsert<typeof serverProcessors>[];
  ethernetInterfaces: PartInsert<typeof serverEthernetInterfaces>[];
  storages: PartInsert<typeof serverStorages>[];
  firmwares: FirmwareRow[];
};

// Column widths: a BMC string longer than its column is cut rather than failing the registration.
const clip = (value: string | null | undefined, max = 256) => (value ?? "").slice(0, max);

/** The name a new server gets (and an unrenamed one keeps up to date): host name, else serial number. */
export function defaultServerName(system: SystemInventory, bmc: string): string {
  return clip(system.hostName?.trim() || system.serialNumber?.trim() || `${system.id ?? "system"} at ${bmc}`);
}

/** A UUID that names a system: BMCs without one report nothing, zeros or ones. */
export function meaningfulUuid(uuid: string | null): string {
  const value = clip(uuid, 64).trim().toLowerCase();
  return /^[0-]*$/.test(value) || /^[f-]*$/.test(value) ? "" : value;
}

/** What a registration writes on the server row for one system of the BMC. */
export function serverColumns(system: SystemInventory, inventory: Inventory, nodeId: number): ServerInventoryColumns {
  const reported = system.manufacturer ?? inventory.vendor ?? "";
  const processors = system.processors;
  return {
    nodeId,
    systemPath: system.odataId,
    managerPath: system.manager?.odataId ?? "",
    manufacturer: clip(canonicalVendor(reported), 128),
    manufacturerReported: clip(reported),
    model: clip(system.model),
    sku: clip(system.sku),
    serialNumber: clip(system.serialNumber),
    uuid: clip(system.uuid, 64),
    hostname: clip(system.hostName),
    powerState: clip(system.powerState, 32),
    ...firmwareColumns(system),
    processorCount: processors ? processors.length : null,
    processorModel: clip(processors?.find((cpu) => cpu.model)?.model),
    memoryGib: system.memory.totalGiB,
  };
}

/** The firmware versions on the server row (compliance reads the BIOS and the BMC there). */
export function firmwareColumns(system: Pick<SystemInventory, "biosVersion" | "manager">): Pick<ServerInventoryColumns, "biosVersion" | "bmcFirmwareVersion"> {
  return { biosVersion: clip(system.biosVersion), bmcFirmwareVersion: clip(system.manager?.firmwareVersion) };
}

/** A server's firmware inventory entries as the BMC reports them now. */
export const firmwareRows = (system: Pick<SystemInventory, "firmware">): FirmwareRow[] => (system.firmware ?? []).map(firmwareRow);

/** A server's parts as the BMC reports them now (a registration replaces the stored ones). */
export function serverParts(system: SystemInventory): ServerParts {
  return {
    processors: (system.processors ?? []).map((cpu) => ({
      inventoryId: clip(cpu.id ?? cpu.odataId),
      socket: clip(cpu.socket, 128),
      manufacturer: clip(cpu.manufacturer),
      model: clip(cpu.model),
      totalCores: cpu.cores,
      totalThreads: cpu.threads,
      maxSpeedMhz: cpu.speedMhz,
      serialNumber: clip(cpu.serialNumber),
      partNumber: clip(cpu.partNumber),
    })),
    ethernetInterfaces: (system.ethernetInterfaces ?? []).map((nic) => ({
      inventoryId: clip(nic.id ?? nic.odataId),
      name: clip(nic.name),
      macAddress: clip(nic.macAddress, 32),
      speedMbps: nic.speedMbps,
      linkStatus: clip(nic.linkStatus, 32),
      ipv4Addresses: nic.ipv4Addresses,
      ipv6Addresses: nic.ipv6Addresses,
    })),
    storages: (system.storage ?? []).map(storageRow),
    firmwares: firmwareRows(system),
  };
}

function storageRow(storage: StorageInfo): PartInsert<typeof serverStorages> {
  return {
    inventoryId: clip(storage.id ?? storage.odataId),
    name: clip(storage.name),
    controllers: storage.controllers.map((controller) => ({
      name: controller.name ?? "",
      manufacturer: controller.manufacturer ?? "",
      model: controller.model ?? "",
      firmware_version: controller.firmwareVersion ?? "",
      serial_number: controller.serialNumber ?? "",
    })),
    drives: storage.drives.map(driveEntry),
    volumes: storage.volumes.map((volume) => ({
      name: volume.name ?? "",
      capacity_bytes: volume.capacityBytes,
      raid_type: volume.raidType ?? "",
      status: volume.health ?? volume.state ?? "",
    })),
  };
}

const driveEntry = (drive: DriveInfo) => ({
  name: drive.name ?? "",
  model: drive.model ?? "",
  serial_number: drive.serialNumber ?? "",
  capacity_bytes: drive.capacityBytes,
  media_type: drive.mediaType ?? "",
  protocol: drive.protocol ?? "",
  status: drive.health ?? drive.state ?? "",
});

const firmwareRow = (entry: FirmwareEntry): FirmwareRow => ({
  inventoryId: clip(entry.id),
  odataId: entry.odataId,
  name: clip(entry.name),
  version: clip(entry.version),
  softwareId: clip(entry.softwareId),
  updateable: entry.updateable,
  component: entry.component,
  state: clip(entry.state, 32),
});
