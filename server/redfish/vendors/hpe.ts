import type { RedfishClient } from "../client";
import { ipAddresses, normalizeMac } from "../inventory/parts";
import type { DriveInfo, EthernetInterfaceInfo, StorageInfo, VolumeInfo } from "../inventory/types";
import { dig, idOf, isObject, linkTarget, num, prop, statusOf, text, texts, type Json } from "../odata";
import type { OemFirmwareEntry, VendorQuirks } from "./types";

/** iLO's firmware device classes (iLO 5 `Description`, iLO 4 `Current.<class>`) that name a component. */
const DEVICE_CLASSES: Record<string, "bios" | "bmc" | "storage_controller" | "nic" | "other"> = {
  systemromactive: "bios",
  systemrombackup: "other",
  systembmc: "bmc",
  hpsmartarraycontroller: "storage_controller",
  smartarraycontroller: "storage_controller",
  nic: "nic",
};

/** `Oem.Hpe` on iLO 5+, `Oem.Hp` on iLO 4; links under `Links` (Redfish) or `links` with `href` (iLO 4). */
function oemLink(resource: unknown, name: string): string | null {
  for (const key of ["Hpe", "Hp"]) {
    const target = linkTarget(dig(resource, "Oem", key, "Links", name)) ?? linkTarget(dig(resource, "Oem", key, name));
    if (target) return target;
  }
  return null;
}

const currentVersion = (resource: unknown) => text(dig(resource, "FirmwareVersion", "Current", "VersionString")) ?? text(prop(resource, "FirmwareVersion"));
const mib = (value: unknown) => (num(value) === null ? null : num(value)! * 1024 * 1024);

function drive(resource: Json): DriveInfo {
  return {
    odataId: idOf(resource) ?? "",
    ...texts(resource, { id: "Id", name: "Name", model: "Model", serialNumber: "SerialNumber", mediaType: "MediaType", protocol: "InterfaceType" }),
    manufacturer: null,
    capacityBytes: mib(prop(resource, "CapacityMiB")) ?? (num(prop(resource, "CapacityGB")) === null ? null : num(prop(resource, "CapacityGB"))! * 1e9),
    firmwareVersion: currentVersion(resource),
    ...statusOf(resource),
  };
}

function volume(resource: Json): VolumeInfo {
  const raid = text(prop(resource, "Raid"));
  return {
    odataId: idOf(resource) ?? "",
    id: text(prop(resource, "Id")),
    name: text(prop(resource, "LogicalDriveName")) ?? text(prop(resource, "Name")),
    raidType: raid === null ? null : /^\d/.test(raid) ? `RAID${raid}` : raid,
    capacityBytes: mib(prop(resource, "CapacityMiB")),
    ...statusOf(resource),
  };
}

/**
 * HPE Smart Storage (`Oem.Hpe.Links.SmartStorage`): what iLO 5 before 2.50 (and iLO 4) serve instead
 * of DMTF `Storage` for Smart Array controllers. Each array controller becomes one storage entry.
 */
async function readSmartStorage(client: RedfishClient, system: Json): Promise<StorageInfo[] | null> {
  const smartStorage = oemLink(system, "SmartStorage");
  if (!smartStorage) return null;
  const root = await client.findResource(smartStorage);
  const controllersPath = linkTarget(dig(root, "Links", "ArrayControllers")) ?? linkTarget(prop(root, "ArrayControllers"));
  if (!controllersPath) return null;
  const controllers = await client.members(controllersPath);
  return Promise.all(
    controllers.map(async (controller): Promise<StorageInfo> => {
      const drivesPath = linkTarget(dig(controller, "Links", "PhysicalDrives"));
      const volumesPath = linkTarget(dig(controller, "Links", "LogicalDrives"));
      const [drives, volumes] = await Promise.all([
        drivesPath ? client.members(drivesPath) : [],
        volumesPath ? client.members(volumesPath) : [],
      ]);
      const name = text(prop(controller, "Model")) ?? text(prop(controller, "Name"));
      return {
        odataId: idOf(controller) ?? controllersPath,
        id: text(prop(controller, "Id")),
        name,
        source: "hpe_smart_storage",
        controllers: [
          {
            odataId: idOf(controller),
            name,
            manufacturer: "HPE",
            model: text(prop(controller, "Model")),
            firmwareVersion: currentVersion(controller),
            serialNumber: text(prop(controller, "SerialNumber")),
          },
        ],
        drives: drives.map(drive),
        volumes: volumes.map(volume),
      };
    }),
  );
}

/**
 * iLO 4's firmware inventory: per system (`Oem.Hp.links.FirmwareInventory`), one object `Current`
 * keyed by device class, each a list of `{Name, VersionString, Location}`. Ids are `<class>.<index>`.
 */
async function readIlo4Firmware(client: RedfishClient, systems: Json[]): Promise<OemFirmwareEntry[] | null> {
  const lists = await Promise.all(
    systems.map(async (system) => {
      const path = oemLink(system, "FirmwareInventory");
      const inventory = path ? await client.findResource(path) : null;
      const current = prop(inventory, "Current");
      if (!path || !isObject(current)) return null;
      const base = (idOf(inventory) ?? path).replace(/#.*$/, "");
      return Object.entries(current).flatMap(([deviceClass, entries]) =>
        (Array.isArray(entries) ? entries : []).map((entry, index) => ({
          id: `${deviceClass}.${index}`,
          odataId: `${base}#/Current/${deviceClass}/${index}`,
          name: text(prop(entry, "Name")),
          version: text(prop(entry, "VersionString")),
          description: deviceClass,
          system: idOf(system) ?? "",
        })),
      );
    }),
  );
  return lists.every((list) => list === null) ? null : lists.flatMap((list) => list ?? []);
}

/**
 * iLO 4 lists host NICs as `HpNetworkAdapter`s (`Oem.Hp.Links.NetworkAdapters`) with their
 * `PhysicalPorts`; DMTF EthernetInterfaces are only filled while HPE's agent runs in the host OS.
 */
async function readNetworkAdapters(client: RedfishClient, system: Json): Promise<EthernetInterfaceInfo[] | null> {
  const path = oemLink(system, "NetworkAdapters");
  const adapters = path ? await client.findMembers(path) : null;
  if (!path || !adapters) return null;
  return adapters.flatMap((adapter) => {
    const ports = prop(adapter, "PhysicalPorts");
    const base = idOf(adapter) ?? path;
    return (Array.isArray(ports) ? ports : []).map((port, index) => ({
      odataId: `${base}#/PhysicalPorts/${index}`,
      id: `${text(prop(adapter, "Id")) ?? "adapter"}.${index + 1}`,
      name: `${text(prop(adapter, "Name")) ?? "Network adapter"} port ${index + 1}`,
      macAddress: normalizeMac(text(prop(port, "MacAddress")) ?? text(prop(port, "MACAddress"))),
      speedMbps: num(prop(port, "SpeedMbps")),
      linkStatus: text(prop(port, "LinkStatus")),
      ipv4Addresses: ipAddresses(prop(port, "IPv4Addresses")),
      ipv6Addresses: ipAddresses(prop(port, "IPv6Addresses")),
    }));
  });
}

export const hpe: VendorQuirks = {
  name: "HPE",
  classifyFirmware({ description, name }) {
    const byClass = description ? DEVICE_CLASSES[description.toLowerCase()] : undefined;
    if (byClass) return byClass;
    // "Redundant System ROM" is the backup bank; "Service Pack for ProLiant" is a bundle, not a device.
    if (/redundant system rom|service pack/i.test(name ?? "")) return "other";
    return undefined;
  },
  // iLO 4 (2.30+, `Oem.Hp` at its root) adds its pre-Redfish properties unless the client sends
  // OData-Version, among them `Items`: every member of a collection inlined, one request instead of one per member.
  omitODataVersion: (root) => isObject(dig(root, "Oem", "Hp")),
  readStorage: readSmartStorage,
  readEthernetInterfaces: readNetworkAdapters,
  readFirmware: readIlo4Firmware,
  update: {
    // iLO's push is HPE's own multipart (sessionKey, parameters, 200; fwupd plugins/redfish/
    // fu-redfish-hpe-device.c), not DMTF's: iLO 5/6 take SimpleUpdate, iLO 4 InstallFromURI.
    methods: (offered) => offered.filter((method) => method === "simple_update" || method === "install_from_uri"),
    // iLO 5/6 SimpleUpdate flashes only raw iLO `.bin` and UEFI `.signed.flash` images; a `.fwpkg` or a
    // Smart Component answers 200 and is never flashed (HPE developer blog, "HPE firmware updates part 3").
    refuseImage: (method, name) =>
      method === "simple_update" && !/\.(bin|signed\.flash)$/i.test(name)
        ? `iLO flashes only raw .bin and .signed.flash images through SimpleUpdate; it would accept ${name} and never flash it`
        : undefined,
  },
};
