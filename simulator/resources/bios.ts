import type { Route } from "../http/router";
import { getRoute, resource } from "./odata";
import { link, type Paths } from "./paths";

/**
 * The BIOS settings resource (`Bios` with `Attributes`), and the pending-settings object it points
 * to. iLO 4's `HpBios` predates `Attributes`: its settings are top-level properties.
 */
export function biosRoutes(paths: Paths): Route[] {
  const render = (settings: boolean) =>
    getRoute(settings ? paths.biosSettings : paths.bios, (ctx) => {
      const { bmc } = ctx;
      const { bios } = bmc.profile;
      const attributes = bios.attributes(bmc);
      const legacy = bmc.profile.key === "hpe-ilo4";
      const path = settings ? paths.biosSettings : paths.bios;
      return resource(ctx, legacy ? "HpBios" : "Bios", path, {
        Id: settings ? "settings" : "bios",
        Name: settings ? "BIOS Pending Settings" : "BIOS Current Settings",
        AttributeRegistry: bios.registry,
        ...(legacy ? attributes : { Attributes: attributes }),
        ...(!settings && { "@Redfish.Settings": { "@odata.type": "#Settings.v1_0_0.Settings", SettingsObject: link(bmc, paths.biosSettings) } }),
      });
    });
  return [render(false), render(true)];
}
