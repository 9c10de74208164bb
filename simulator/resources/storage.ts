import type { Bmc } from "../bmc/bmc";
import { ok, type Reply, type RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { collection, enabled, findIndex, missing, resource } from "./odata";
import { link, type Paths } from "./paths";

export function controllerOf(bmc: Bmc) {
  const spec = bmc.profile.components.find((c) => c.type === "storage_controller" || c.type === "lsi_3108");
  const fixed = bmc.profile.hardware.storageController;
  if (!spec && !fixed) throw new Error(`${bmc.profile.key} declares no storage controller`);
  const name = spec?.name(bmc) ?? fixed!.name;
  return {
    Name: name,
    Manufacturer: spec ? (spec.manufacturer ?? bmc.profile.manufacturer) : fixed!.manufacturer,
    Model: name,
    FirmwareVersion: spec ? bmc.reported(spec.type) : fixed!.firmware,
    SupportedControllerProtocols: ["PCIe"],
    SupportedDeviceProtocols: ["SAS", "SATA"],
    SupportedRAIDTypes: ["RAID0", "RAID1", "RAID5", "RAID10"],
    Status: enabled,
  };
}

function drivePaths(ctx: RequestContext, paths: Paths): string[] {
  const { bmc } = ctx;
  return Array.from({ length: bmc.modelSpec.drives.count }, (_, i) => `${paths.storage}/Drives/${bmc.profile.ids.drive(i + 1)}`);
}

/** DMTF Storage, which iLO 4 and the SmartStorage-only iLO 5 firmware do not have. */
export function storageRoutes(paths: Paths): Route[] {
  return dmtfStorageOnly([
    {
      method: "GET",
      pattern: paths.storageCollection,
      handler: (ctx) => ok(collection(ctx, "Storage", paths.storageCollection, "Storage Collection", [paths.storage])),
    },
    {
      method: "GET",
      pattern: paths.storage,
      handler: (ctx) => {
        const { profile } = ctx.bmc;
        const drives = drivePaths(ctx, paths);
        const controller = controllerOf(ctx.bmc);
        return ok(
          resource(ctx, "Storage", paths.storage, {
            Id: profile.ids.storage,
            Name: controller.Name,
            Status: { ...enabled, HealthRollup: "OK" },
            StorageControllers: [{ "@odata.id": `${paths.storage}#/StorageControllers/0`, MemberId: "0", ...controller }],
            Controllers: link(ctx.bmc, paths.controllers),
            Drives: drives.map((drive) => link(ctx.bmc, drive)),
            "Drives@odata.count": drives.length,
            Volumes: link(ctx.bmc, paths.volumes),
          }),
        );
      },
    },
    {
      method: "GET",
      pattern: paths.controllers,
      handler: (ctx) =>
        ok(collection(ctx, "StorageController", paths.controllers, "Storage Controller Collection", [`${paths.controllers}/0`])),
    },
    {
      method: "GET",
      pattern: `${paths.controllers}/0`,
      handler: (ctx) => ok(resource(ctx, "StorageController", `${paths.controllers}/0`, { Id: "0", ...controllerOf(ctx.bmc) })),
    },
    {
      method: "GET",
      pattern: `${paths.storage}/Drives/:id`,
      handler: (ctx) => {
        const { bmc } = ctx;
        const { drives } = bmc.modelSpec;
        const n = findIndex(drives.count, bmc.profile.ids.drive, ctx.params.id);
        if (n === 0) return missing(ctx);
        return ok(
          resource(ctx, "Drive", drivePaths(ctx, paths)[n - 1], {
            Id: bmc.profile.ids.drive(n),
            Name: `Drive ${n - 1}`,
            Model: drives.model,
            MediaType: drives.media,
            Protocol: drives.protocol,
            CapacityBytes: drives.capacityBytes,
            SerialNumber: bmc.identity.driveSerials[n - 1],
            Revision: drives.firmware,
            Status: enabled,
          }),
        );
      },
    },
    {
      method: "GET",
      pattern: paths.volumes,
      handler: (ctx) => {
        const volume = `${paths.volumes}/${ctx.bmc.profile.ids.volume}`;
        return ok(collection(ctx, "Volume", paths.volumes, "Volume Collection", [volume]));
      },
    },
    {
      method: "GET",
      pattern: `${paths.volumes}/:id`,
      handler: (ctx) => {
        const { bmc } = ctx;
        const id = bmc.profile.ids.volume;
        if (ctx.params.id.toLowerCase() !== id.toLowerCase()) return missing(ctx);
        const mirrored = drivePaths(ctx, paths).slice(0, 2);
        return ok(
          resource(ctx, "Volume", `${paths.volumes}/${id}`, {
            Id: id,
            Name: "Virtual Disk 0",
            RAIDType: "RAID1",
            VolumeType: "Mirrored",
            CapacityBytes: bmc.modelSpec.drives.capacityBytes,
            Encrypted: false,
            Links: { Drives: mirrored.map((drive) => link(bmc, drive)) },
            Status: enabled,
          }),
        );
      },
    },
  ]);
}

function dmtfStorageOnly(routes: Route[]): Route[] {
  return routes.map((route) => ({
    ...route,
    handler: (ctx): Reply | Promise<Reply> => (ctx.bmc.storage === "smart-storage" ? missing(ctx) : route.handler(ctx)),
  }));
}
