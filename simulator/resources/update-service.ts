import { resolveImageUri } from "../bmc/download";
import { startUpdate, type ApplyTime } from "../bmc/flash";
import { inventoryOf } from "../bmc/inventory";
import type { TaskRecord } from "../bmc/tasks";
import { redfishError } from "../http/errors";
import { bodyField, ok, type Reply, type RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import type { FirmwareType } from "../types";
import type { InventoryEntry } from "../vendors/types";
import { collection, enabled, getRoute, missing, resource } from "./odata";
import { link, odataId, pathsOf, type Paths } from "./paths";
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
    FirmwareInventory: link(bmc, paths.inventory),
    SoftwareInventory: link(bmc, paths.softwareInventory),
    Actions: {
      "#UpdateService.SimpleUpdate": {
        target: odataId(bmc, paths.simpleUpdate),
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

/** One firmware (or software) inventory member, with what this vendor adds to it. */
function inventoryMember(ctx: RequestContext, base: string, entries: InventoryEntry[]): Reply {
  const { bmc } = ctx;
  const entry = entries.find((candidate) => candidate.id.toLowerCase() === ctx.params.id.toLowerCase());
  if (!entry) return missing(ctx);
  const { system, manager } = pathsOf(bmc.profile);
  const runsOn: Partial<Record<FirmwareType, string>> = { bios: system, bmc: manager };
  const owner = entry.type && runsOn[entry.type];
  const related = entry.related ?? (owner ? [owner] : undefined);
  return ok(
    resource(ctx, "SoftwareInventory", `${base}/${entry.id}`, {
      Id: entry.id,
      Name: entry.name,
      ...(entry.description !== undefined && { Description: entry.description }),
      Version: entry.version,
      ...(entry.softwareId !== undefined && { SoftwareId: entry.softwareId }),
      Updateable: entry.updateable,
      Manufacturer: entry.manufacturer ?? bmc.profile.manufacturer,
      ...(entry.status !== null && { Status: entry.status ?? enabled }),
      ...(related && { RelatedItem: related.map((path) => link(bmc, path)) }),
      ...(entry.oem && { Oem: entry.oem }),
    }),
  );
}

/** 202 with the monitor (or, on Dell, the job) in Location. */
export function accepted(ctx: RequestContext, task: TaskRecord): Reply {
  const { profile } = ctx.bmc;
  const location = task.monitorPath ?? profile.tasks.jobPath?.(task.id);
  if (!location) throw new Error(`${profile.key} has neither task monitors nor jobs`);
  const body = profile.tasks.jobPath ? undefined : taskBody(ctx, task);
  return { status: 202, body, headers: { Location: odataId(ctx.bmc, location) } };
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
  const software = (ctx: RequestContext) => ctx.bmc.profile.softwareInventory?.(ctx.bmc) ?? [];
  const inventory = (base: string, name: string, entriesOf: (ctx: RequestContext) => InventoryEntry[]): Route[] => [
    getRoute(base, (ctx) => collection(ctx, "SoftwareInventory", base, name, entriesOf(ctx).map((entry) => `${base}/${entry.id}`))),
    { method: "GET", pattern: `${base}/:id`, handler: (ctx) => inventoryMember(ctx, base, entriesOf(ctx)) },
  ];
  return [
    { method: "GET", pattern: paths.updateService, handler: (ctx) => ok(updateService(ctx, paths)) },
    ...inventory(paths.inventory, "Firmware Inventory Collection", (ctx) => inventoryOf(ctx.bmc)),
    ...inventory(paths.softwareInventory, "Software Inventory Collection", software),
    { method: "POST", pattern: paths.simpleUpdate, handler: simpleUpdate },
  ];
}
