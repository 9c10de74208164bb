import { Router } from "../http/router";
import type { VendorProfile } from "../vendors/types";
import { accountRoutes } from "./accounts";
import { biosRoutes } from "./bios";
import { chassisRoutes } from "./chassis";
import { eventServiceRoutes } from "./event-service";
import { managerServiceRoutes } from "./manager-services";
import { managerRoutes } from "./managers";
import { networkAdapterRoutes } from "./network-adapters";
import { pathsOf } from "./paths";
import { registryRoutes } from "./registries";
import { serviceRootRoutes } from "./service-root";
import { sessionRoutes } from "./sessions";
import { smartStorageRoutes } from "./smart-storage";
import { storageRoutes } from "./storage";
import { systemPartRoutes } from "./system-parts";
import { systemRoutes } from "./systems";
import { taskRoutes } from "./tasks";
import { updateServiceRoutes } from "./update-service";

const routers = new WeakMap<VendorProfile, Router>();

/** One router per vendor profile, shared by all its BMCs: resources are rendered from state on demand. */
export function routerFor(profile: VendorProfile): Router {
  let router = routers.get(profile);
  if (!router) {
    const paths = pathsOf(profile);
    router = new Router(
      [
        ...serviceRootRoutes(),
        ...sessionRoutes(paths),
        ...systemRoutes(paths),
        ...systemPartRoutes(paths),
        ...biosRoutes(paths),
        ...storageRoutes(paths),
        ...smartStorageRoutes(paths),
        ...chassisRoutes(paths),
        ...networkAdapterRoutes(paths),
        ...managerRoutes(paths),
        ...managerServiceRoutes(paths),
        ...accountRoutes(paths),
        ...eventServiceRoutes(paths),
        ...registryRoutes(paths),
        ...(profile.updateService ? updateServiceRoutes(profile, paths) : []),
        ...taskRoutes(paths, profile.tasks.monitor?.pattern),
        ...(profile.extraRoutes?.() ?? []),
      ],
      profile.caseInsensitive,
    );
    routers.set(profile, router);
  }
  return router;
}
