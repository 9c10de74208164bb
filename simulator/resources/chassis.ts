import { ok } from "../http/reply";
import type { Route } from "../http/router";
import { collection, enabled, resource } from "./odata";
import { link, type Paths } from "./paths";

export function chassisRoutes(paths: Paths): Route[] {
  return [
    {
      method: "GET",
      pattern: paths.chassisCollection,
      handler: (ctx) => ok(collection(ctx, "Chassis", paths.chassisCollection, "Chassis Collection", [paths.chassis])),
    },
    {
      method: "GET",
      pattern: paths.chassis,
      handler: (ctx) => {
        const { bmc } = ctx;
        const { profile } = bmc;
        return ok(
          resource(ctx, "Chassis", paths.chassis, {
            Id: profile.ids.chassis,
            Name: "Computer System Chassis",
            ChassisType: "RackMount",
            Manufacturer: profile.manufacturer,
            Model: bmc.model,
            SKU: bmc.identity.sku,
            SerialNumber: bmc.identity.serial,
            PowerState: bmc.power === "Off" || bmc.power === "PoweringOn" ? "Off" : "On",
            IndicatorLED: "Off",
            Status: { ...enabled, HealthRollup: "OK" },
            Links: {
              ComputerSystems: [link(profile, paths.system)],
              ManagedBy: [link(profile, paths.manager)],
              ManagersInChassis: [link(profile, paths.manager)],
            },
            Oem: profile.oem.chassis?.(bmc),
          }),
        );
      },
    },
  ];
}
