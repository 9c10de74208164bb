import type { VendorProfile } from "../vendors/types";

const cache = new WeakMap<VendorProfile, Paths>();

export type Paths = ReturnType<typeof build>;

/** Every path of a vendor's tree, without trailing slashes (routing accepts both forms). */
export function pathsOf(profile: VendorProfile): Paths {
  let paths = cache.get(profile);
  if (!paths) {
    paths = build(profile);
    cache.set(profile, paths);
  }
  return paths;
}

function build(profile: VendorProfile) {
  const root = "/redfish/v1";
  const { ids } = profile;
  const names = { bios: "Bios", jsonSchemas: "JsonSchemas", networkProtocol: "NetworkProtocol", ...profile.pathNames };
  const system = `${root}/Systems/${ids.system}`;
  const manager = `${root}/Managers/${ids.manager}`;
  const chassis = `${root}/Chassis/${ids.chassis}`;
  const storage = `${system}/Storage/${ids.storage}`;
  const smartStorage = `${system}/SmartStorage`;
  const arrayController = `${smartStorage}/ArrayControllers/0`;
  const bios = `${system}/${names.bios}`;
  return {
    root,
    systems: `${root}/Systems`,
    system,
    reset: `${system}/Actions/ComputerSystem.Reset`,
    processors: `${system}/Processors`,
    memory: `${system}/Memory`,
    ethernet: `${system}/EthernetInterfaces`,
    bios,
    biosSettings: `${bios}/${names.bios === "bios" ? "settings" : "Settings"}`,
    storageCollection: `${system}/Storage`,
    storage,
    controllers: `${storage}/Controllers`,
    drives: `${storage}/Drives`,
    volumes: `${storage}/Volumes`,
    smartStorage,
    arrayControllers: `${smartStorage}/ArrayControllers`,
    arrayController,
    diskDrives: `${arrayController}/DiskDrives`,
    logicalDrives: `${arrayController}/LogicalDrives`,
    chassisCollection: `${root}/Chassis`,
    chassis,
    power: `${chassis}/Power`,
    thermal: `${chassis}/Thermal`,
    networkAdapters: `${chassis}/NetworkAdapters`,
    pcieDevices: `${chassis}/PCIeDevices`,
    managers: `${root}/Managers`,
    manager,
    managerReset: `${manager}/Actions/Manager.Reset`,
    managerNics: `${manager}/EthernetInterfaces`,
    networkProtocol: `${manager}/${names.networkProtocol}`,
    logServices: `${manager}/LogServices`,
    updateService: `${root}/UpdateService`,
    inventory: `${root}/UpdateService/FirmwareInventory`,
    softwareInventory: `${root}/UpdateService/SoftwareInventory`,
    simpleUpdate: `${root}/UpdateService/Actions/UpdateService.SimpleUpdate`,
    taskService: `${root}/TaskService`,
    tasks: `${root}/TaskService/Tasks`,
    sessionService: `${root}/SessionService`,
    sessions: `${root}/SessionService/Sessions`,
    accountService: `${root}/AccountService`,
    accounts: `${root}/AccountService/Accounts`,
    roles: `${root}/AccountService/Roles`,
    eventService: `${root}/EventService`,
    subscriptions: `${root}/EventService/Subscriptions`,
    jsonSchemas: `${root}/${names.jsonSchemas}`,
    registries: `${root}/Registries`,
    registryStore: `${root}/RegistryStore/registries/en`,
  };
}

/** Whatever decides how `@odata.id`s are written: a BMC (its firmware variant) or a profile's default. */
export interface IdStyle {
  trailingSlash: boolean;
}

/** The @odata.id a BMC writes for `path` (iLO 4 and older iLO 5 firmware append a slash). */
export function odataId(style: IdStyle, path: string): string {
  return style.trailingSlash && !path.endsWith("/") ? `${path}/` : path;
}

export function link(style: IdStyle, path: string): { "@odata.id": string } {
  return { "@odata.id": odataId(style, path) };
}
