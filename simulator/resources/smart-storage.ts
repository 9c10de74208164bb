import type { Bmc } from "../bmc/bmc";
import { partSerial } from "../bmc/hardware";
import type { Reply, RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { collection, enabled, getRoute, missing, resource, type Body } from "./odata";
import { link, type Paths } from "./paths";
import { controllerOf } from "./storage";

/** `Hpe` on iLO 5, `Hp` on iLO 4: the prefix of the OEM type names. */
const oemOf = (bmc: Bmc) => (bmc.profile.key === "hpe-ilo4" ? "Hp" : "Hpe");

/**
 * HPE's SmartStorage tree (`Oem.Hpe.Links.SmartStorage`): one Smart Array controller with its
 * disk drives and one RAID 1 logical drive. iLO 4 has only this; iLO 5 has it beside DMTF Storage,
 * and iLO 5 2.46 without it.
 */
export function smartStorageRoutes(paths: Paths): Route[] {
  const route = (pattern: string, render: (ctx: RequestContext) => Body | Reply) => getRoute(pattern, render, (bmc) => bmc.storage !== "dmtf");
  const drives = (bmc: Bmc) => Array.from({ length: bmc.modelSpec.drives.count }, (_, i) => `${paths.diskDrives}/${i}`);
  return [
    route(paths.smartStorage, (ctx) =>
      resource(ctx, `${oemOf(ctx.bmc)}SmartStorage`, paths.smartStorage, {
        Id: "SmartStorage",
        Name: "HpeSmartStorage",
        Status: { Health: "OK" },
        Links: { ArrayControllers: link(ctx.bmc, paths.arrayControllers) },
      }),
    ),
    route(paths.arrayControllers, (ctx) =>
      collection(ctx, `${oemOf(ctx.bmc)}SmartStorageArrayController`, paths.arrayControllers, "HpeSmartStorageArrayControllers", [paths.arrayController]),
    ),
    route(paths.arrayController, (ctx) => arrayController(ctx, paths)),
    route(paths.diskDrives, (ctx) => collection(ctx, `${oemOf(ctx.bmc)}SmartStorageDiskDrive`, paths.diskDrives, "HpeSmartStorageDiskDrives", drives(ctx.bmc))),
    route(`${paths.diskDrives}/:id`, (ctx) => diskDrive(ctx, paths)),
    route(paths.logicalDrives, (ctx) =>
      collection(ctx, `${oemOf(ctx.bmc)}SmartStorageLogicalDrive`, paths.logicalDrives, "HpeSmartStorageLogicalDrives", [`${paths.logicalDrives}/1`]),
    ),
    route(`${paths.logicalDrives}/:id`, (ctx) => logicalDrive(ctx, paths, drives(ctx.bmc))),
  ];
}

function arrayController(ctx: RequestContext, paths: Paths): Body {
  const { bmc } = ctx;
  const controller = controllerOf(bmc);
  return resource(ctx, `${oemOf(bmc)}SmartStorageArrayController`, paths.arrayController, {
    Id: "0",
    Name: "HpeSmartStorageArrayController",
    Model: controller.Model,
    SerialNumber: partSerial(bmc, "array-controller", 14),
    FirmwareVersion: { Current: { VersionString: controller.FirmwareVersion } },
    Location: "Slot 0",
    LocationFormat: "PCISlot",
    ControllerBoard: { Status: enabled },
    Status: enabled,
    Links: {
      PhysicalDrives: link(bmc, paths.diskDrives),
      LogicalDrives: link(bmc, paths.logicalDrives),
    },
  });
}

function diskDrive(ctx: RequestContext, paths: Paths): Body | Reply {
  const { bmc } = ctx;
  const { drives } = bmc.modelSpec;
  const n = Number(ctx.params.id);
  if (!Number.isInteger(n) || n < 0 || n >= drives.count || String(n) !== ctx.params.id) return missing(ctx);
  return resource(ctx, `${oemOf(bmc)}SmartStorageDiskDrive`, `${paths.diskDrives}/${n}`, {
    Id: String(n),
    Name: "HpeSmartStorageDiskDrive",
    Model: drives.model,
    SerialNumber: bmc.identity.driveSerials[n],
    CapacityMiB: Math.floor(drives.capacityBytes / 2 ** 20),
    CapacityGB: Math.floor(drives.capacityBytes / 1e9),
    MediaType: drives.media,
    InterfaceType: drives.protocol,
    Location: `1I:1:${n + 1}`,
    LocationFormat: "ControllerPort:Box:Bay",
    FirmwareVersion: { Current: { VersionString: drives.firmware } },
    Status: enabled,
  });
}

function logicalDrive(ctx: RequestContext, paths: Paths, drives: string[]): Body | Reply {
  const { bmc } = ctx;
  if (ctx.params.id !== "1") return missing(ctx);
  return resource(ctx, `${oemOf(bmc)}SmartStorageLogicalDrive`, `${paths.logicalDrives}/1`, {
    Id: "1",
    Name: "HpeSmartStorageLogicalDrive",
    LogicalDriveNumber: 1,
    LogicalDriveName: "Logical Drive 1",
    Raid: "1",
    CapacityMiB: Math.floor(bmc.modelSpec.drives.capacityBytes / 2 ** 20),
    VolumeUniqueIdentifier: bmc.derive("logical-drive").hex(32).toUpperCase(),
    Status: enabled,
    Links: { DataDrives: drives.slice(0, 2).map((drive) => link(bmc, drive)) },
  });
}
