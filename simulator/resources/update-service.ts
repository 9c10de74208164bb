import { resolveImageUri } from "../bmc/download";
import { startUpdate, type ApplyTime } from "../bmc/flash";
import { inventoryOf } from "../bmc/inventory";
import type { TaskRecord } from "../bmc/tasks";
import { redfishError } from "../http/errors";
import { bodyField, ok, type Reply, type RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import type { FirmwareType } from "../types";
import { collection, enabled, resource } from "./odata";
import { link, odataId, type Paths } from "./paths";
import { taskBody } from "./tasks";

const APPLY_TIMES: ApplyTime[] = ["Immediate", "OnReset"];

function updateService(ctx: RequestContext, paths: Paths) {
  const { bmc } = ctx;
  const { profile } = bmc;
  return resource(ctx, "UpdateService", paths.updateService, {
    Id: "UpdateService",
    Name: "Update Service",
    ServiceEnabled: true,
    Status: enabled,
    FirmwareInventory: link(profile, paths.inventory),
    Actions: {
      "#UpdateService.SimpleUpdate": {
        target: odataId(profile, paths.simpleUpdate),
        "TransferProtocol@Redfish.AllowableValues": ["HTTP", "HTTPS"],
        "@Redfish.OperationApplyTimeSupport": {
          "@odata.type": "#Settings.v1_3_0.OperationApplyTimeSupport",
          SupportedValues: APPLY_TIMES,
        },
      },
    },
    Oem: profile.oem.updateService?.(bmc),
  });
}

function inventoryMember(ctx: RequestContext, paths: Paths): Reply {
  const { bmc } = ctx;
  const entry = inventoryOf(bmc).find((candidate) => candidate.id.toLowerCase() === ctx.params.id.toLowerCase());
  if (!entry) return redfishError(bmc.profile, 404, "ResourceMissingAtURI", { args: [ctx.path] });
  const relatedPath: Partial<Record<FirmwareType, string>> = { bios: paths.system, bmc: paths.manager };
  const related = entry.type && relatedPath[entry.type];
  return ok(
    resource(ctx, "SoftwareInventory", `${paths.inventory}/${entry.id}`, {
      Id: entry.id,
      Name: entry.name,
      Version: entry.version,
      SoftwareId: entry.softwareId,
      Updateable: entry.updateable,
      Manufacturer: bmc.profile.manufacturer,
      Status: enabled,
      RelatedItem: related ? [link(bmc.profile, related)] : undefined,
    }),
  );
}

/** 202 with the monitor (or, on Dell, the job) in Location. */
export function accepted(ctx: RequestContext, task: TaskRecord): Reply {
  const { profile } = ctx.bmc;
  const location = task.monitorPath ?? profile.tasks.jobPath?.(task.id);
  if (!location) throw new Error(`${profile.key} has neither task monitors nor jobs`);
  const body = profile.tasks.jobPath ? undefined : taskBody(ctx, task);
  return { status: 202, body, headers: { Location: odataId(profile, location) } };
}

function simpleUpdate(ctx: RequestContext): Reply {
  const { bmc } = ctx;
  const { profile } = bmc;
  const action = "UpdateService.SimpleUpdate";
  const imageUri = bodyField(ctx, "ImageURI");
  const protocol = bodyField(ctx, "TransferProtocol");
  const applyTime = bodyField(ctx, "@Redfish.OperationApplyTime") ?? "Immediate";
  const targets = bodyField(ctx, "Targets");
  if (typeof imageUri !== "string" || imageUri === "") {
    return redfishError(profile, 400, "ActionParameterMissing", { args: [action, "ImageURI"] });
  }
  if (targets !== undefined && (!Array.isArray(targets) || targets.some((target) => typeof target !== "string"))) {
    const detail = "Targets must be an array of URIs.";
    return redfishError(profile, 400, "ActionParameterValueError", { args: ["Targets", action], detail });
  }
  if (!APPLY_TIMES.includes(applyTime as ApplyTime)) {
    const args = [String(applyTime), "@Redfish.OperationApplyTime", action];
    return redfishError(profile, 400, "ActionParameterValueNotInList", { args });
  }
  const url = resolveImageUri(imageUri, typeof protocol === "string" ? protocol : undefined);
  if (typeof url === "string") {
    return redfishError(profile, 400, "ActionParameterValueError", { args: ["ImageURI", action], detail: url });
  }
  return accepted(ctx, startUpdate(bmc, "SimpleUpdate", url, applyTime as ApplyTime, targets as string[] | undefined));
}

export function updateServiceRoutes(paths: Paths): Route[] {
  return [
    { method: "GET", pattern: paths.updateService, handler: (ctx) => ok(updateService(ctx, paths)) },
    {
      method: "GET",
      pattern: paths.inventory,
      handler: (ctx) => {
        const members = inventoryOf(ctx.bmc).map((entry) => `${paths.inventory}/${entry.id}`);
        return ok(collection(ctx, "SoftwareInventory", paths.inventory, "Firmware Inventory Collection", members));
      },
    },
    { method: "GET", pattern: `${paths.inventory}/:id`, handler: (ctx) => inventoryMember(ctx, paths) },
    { method: "POST", pattern: paths.simpleUpdate, handler: simpleUpdate },
  ];
}
