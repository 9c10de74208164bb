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
  const system = `${root}/Systems/${ids.system}`;
  const manager = `${root}/Managers/${ids.manager}`;
  const storage = `${system}/Storage/${ids.storage}`;
  return {
    root,
    systems: `${root}/Systems`,
    system,
    reset: `${system}/Actions/ComputerSystem.Reset`,
    processors: `${system}/Processors`,
    memory: `${system}/Memory`,
    ethernet: `${system}/EthernetInterfaces`,
    storageCollection: `${system}/Storage`,
    storage,
    controllers: `${storage}/Controllers`,
    drives: `${storage}/Drives`,
    volumes: `${storage}/Volumes`,
    chassisCollection: `${root}/Chassis`,
    chassis: `${root}/Chassis/${ids.chassis}`,
    managers: `${root}/Managers`,
    manager,
    managerReset: `${manager}/Actions/Manager.Reset`,
    managerNics: `${manager}/EthernetInterfaces`,
    updateService: `${root}/UpdateService`,
    inventory: `${root}/UpdateService/FirmwareInventory`,
    simpleUpdate: `${root}/UpdateService/Actions/UpdateService.SimpleUpdate`,
    taskService: `${root}/TaskService`,
    tasks: `${root}/TaskService/Tasks`,
    sessionService: `${root}/SessionService`,
    sessions: `${root}/SessionService/Sessions`,
    accountService: `${root}/AccountService`,
    accounts: `${root}/AccountService/Accounts`,
  };
}

/** The @odata.id a vendor writes for `path` (iLO appends a slash). */
export function odataId(profile: VendorProfile, path: string): string {
  return profile.trailingSlash && !path.endsWith("/") ? `${path}/` : path;
}

export function link(profile: VendorProfile, path: string): { "@odata.id": string } {
  return { "@odata.id": odataId(profile, path) };
}
