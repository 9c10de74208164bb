import type { RedfishClient } from "../client";
import { idOf, isObject, linksOf, num, prop, stateOf, statusOf, text, texts, type Json } from "../odata";
import type { VendorQuirks } from "../vendors";
import { linkedMembers } from "./parts";
import type { DriveInfo, StorageControllerInfo, StorageInfo, VolumeInfo } from "./types";

function controller(resource: unknown): StorageControllerInfo {
  return {
    odataId: idOf(resource),
    ...texts(resource, { name: "Name", manufacturer: "Manufacturer", model: "Model", firmwareVersion: "FirmwareVersion", serialNumber: "SerialNumber" }),
  };
}

function drive(resource: Json): DriveInfo {
  return {
    odataId: idOf(resource) ?? "",
    ...texts(resource, { id: "Id", name: "Name", manufacturer: "Manufacturer", model: "Model", serialNumber: "SerialNumber", mediaType: "MediaType", protocol: "Protocol" }),
    capacityBytes: num(prop(resource, "CapacityBytes")),
    firmwareVersion: text(prop(resource, "Revision")) ?? text(prop(resource, "FirmwareVersion")),
    ...statusOf(resource),
  };
}

function volume(resource: Json): VolumeInfo {
  return {
    odataId: idOf(resource) ?? "",
    id: text(prop(resource, "Id")),
    name: text(prop(resource, "Name")),
    raidType: text(prop(resource, "RAIDType")) ?? text(prop(resource, "VolumeType")),
    capacityBytes: num(prop(resource, "CapacityBytes")),
    ...statusOf(resource),
  };
}

const present = (resource: Json) => stateOf(resource)?.toLowerCase() !== "absent";

/** A DMTF Storage resource: `StorageControllers` (or the newer `Controllers` collection), `Drives`, `Volumes`. */
async function readStorage(client: RedfishClient, storage: Json): Promise<StorageInfo> {
  const embedded = prop(storage, "StorageControllers");
  const [controllers, drives, volumes] = await Promise.all([
    Array.isArray(embedded) && embedded.length > 0 ? embedded : (linkedMembers(client, storage, "Controllers").then((list) => list ?? [])),
    Promise.all(linksOf(prop(storage, "Drives")).map((path) => client.findResource(path))),
    linkedMembers(client, storage, "Volumes"),
  ]);
  return {
    odataId: idOf(storage) ?? "",
    id: text(prop(storage, "Id")),
    name: text(prop(storage, "Name")),
    source: "storage",
    controllers: controllers.map(controller),
    drives: drives.filter((entry): entry is Json => entry !== null && present(entry)).map(drive),
    volumes: (volumes ?? []).map(volume),
  };
}

/** DMTF SimpleStorage (older BMCs and the DMTF mockups): the resource is the controller, `Devices` its drives. */
function readSimpleStorage(resource: Json): StorageInfo {
  const devices = prop(resource, "Devices");
  const odataId = idOf(resource) ?? "";
  return {
    odataId,
    id: text(prop(resource, "Id")),
    name: text(prop(resource, "Name")),
    source: "simple_storage",
    controllers: [controller(resource)],
    drives: (Array.isArray(devices) ? devices : [])
      .filter((device): device is Json => isObject(device) && present(device))
      .map((device, index) => ({ ...drive(device), odataId: `${odataId}#/Devices/${index}` })),
    volumes: [],
  };
}

/**
 * DMTF `Storage`, else the vendor's own (HPE Smart Storage), else `SimpleStorage`. An iLO 5 can
 * list an empty DMTF `Storage` while its Smart Array sits under Smart Storage, so an empty branch
 * does not stop the search. null when the system has none of them.
 */
export async function readSystemStorage(client: RedfishClient, system: Json, quirks: VendorQuirks): Promise<StorageInfo[] | null> {
  const dmtf = await linkedMembers(client, system, "Storage");
  if (dmtf && dmtf.length > 0) return Promise.all(dmtf.map((storage) => readStorage(client, storage)));
  const oem = (await quirks.readStorage?.(client, system)) ?? null;
  if (oem && oem.length > 0) return oem;
  const simple = await linkedMembers(client, system, "SimpleStorage");
  if (simple && simple.length > 0) return simple.map(readSimpleStorage);
  return dmtf || oem || simple ? [] : null;
}
