import { isResetType, RESET_TYPES, resetSystem } from "../bmc/power";
import { redfishError, success } from "../http/errors";
import { bodyField, ok, type RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { collection, enabled, resource } from "./odata";
import { link, odataId, pathsOf } from "./paths";

function system(ctx: RequestContext) {
  const { bmc } = ctx;
  const { profile, modelSpec: model, identity } = bmc;
  const paths = pathsOf(profile);
  return resource(ctx, "ComputerSystem", paths.system, {
    Id: profile.ids.system,
    Name: "System",
    SystemType: "Physical",
    Manufacturer: profile.manufacturer,
    Model: model.name,
    SKU: identity.sku,
    SerialNumber: identity.serial,
    UUID: identity.uuid,
    HostName: identity.hostName,
    AssetTag: "",
    IndicatorLED: "Off",
    PowerState: bmc.power,
    BiosVersion: bmc.reported("bios"),
    Status: { ...enabled, HealthRollup: "OK" },
    ProcessorSummary: {
      Count: model.cpu.count,
      Model: model.cpu.model,
      LogicalProcessorCount: model.cpu.count * model.cpu.threads,
      Status: { ...enabled, HealthRollup: "OK" },
    },
    MemorySummary: {
      TotalSystemMemoryGiB: (model.dimms.count * model.dimms.sizeMiB) / 1024,
      Status: { ...enabled, HealthRollup: "OK" },
    },
    Boot: {
      BootSourceOverrideEnabled: "Disabled",
      BootSourceOverrideTarget: "None",
      "BootSourceOverrideTarget@Redfish.AllowableValues": ["None", "Pxe", "Cd", "Hdd", "BiosSetup", "UefiHttp"],
      BootSourceOverrideMode: "UEFI",
    },
    TrustedModules: [{ InterfaceType: "TPM2_0", FirmwareVersion: "7.2.2.0", Status: enabled }],
    Bios: link(bmc, paths.bios),
    Processors: link(bmc, paths.processors),
    Memory: link(bmc, paths.memory),
    ...(profile.hostNics === "ethernet-interfaces" && { EthernetInterfaces: link(bmc, paths.ethernet) }),
    // iLO 4 and the SmartStorage-only iLO 5 firmware link storage from Oem only.
    ...(bmc.storage !== "smart-storage" && { Storage: link(bmc, paths.storageCollection) }),
    Links: { Chassis: [link(bmc, paths.chassis)], ManagedBy: [link(bmc, paths.manager)] },
    Actions: {
      "#ComputerSystem.Reset": {
        target: odataId(bmc, paths.reset),
        "ResetType@Redfish.AllowableValues": RESET_TYPES,
      },
    },
    Oem: profile.oem.system?.(bmc),
  });
}

function reset(ctx: RequestContext) {
  const { profile } = ctx.bmc;
  const type = bodyField(ctx, "ResetType");
  if (type === undefined) return redfishError(profile, 400, "ActionParameterMissing", { args: ["ComputerSystem.Reset", "ResetType"] });
  if (!isResetType(type)) {
    return redfishError(profile, 400, "ActionParameterValueNotInList", { args: [String(type), "ResetType", "ComputerSystem.Reset"] });
  }
  const conflict = resetSystem(ctx.bmc, type);
  return conflict ? redfishError(profile, 409, "ResourceInUse", { detail: conflict }) : success(profile);
}

export function systemRoutes(paths: ReturnType<typeof pathsOf>): Route[] {
  return [
    {
      method: "GET",
      pattern: paths.systems,
      handler: (ctx) => ok(collection(ctx, "ComputerSystem", paths.systems, "Computer System Collection", [paths.system])),
    },
    { method: "GET", pattern: paths.system, handler: (ctx) => ok(system(ctx)) },
    { method: "POST", pattern: paths.reset, handler: reset },
  ];
}
