import { resolveImageUri } from "../bmc/download";
import { imageNameOf, LICENCES_NEEDED, recordFlash, startUpdate } from "../bmc/flash";
import { inventoryOf } from "../bmc/inventory";
import type { TaskRecord } from "../bmc/tasks";
import { redfishError, success } from "../http/errors";
import { bodyField, ok, type Reply, type RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import type { FirmwareType } from "../types";
import type { InventoryEntry, VendorProfile } from "../vendors/types";
import { collection, enabled, getRoute, missing, resource } from "./odata";
import { link, odataId, pathsOf, type Paths } from "./paths";
import { taskBody } from "./tasks";
import { APPLY_TIMES, isReply, readUpdateParameters } from "./update-parameters";

const TRANSFER_PROTOCOLS = ["HTTP", "HTTPS"];
const SIMPLE_UPDATE_INFO = "/redfish/v1/UpdateService/SimpleUpdateActionInfo";

/** The SimpleUpdate action as advertised: parameters inline, or behind an ActionInfo (Supermicro). */
function simpleUpdateAction(ctx: RequestContext, paths: Paths) {
  const { bmc } = ctx;
  const target = odataId(bmc, paths.simpleUpdate);
  if (bmc.profile.updateService?.simpleUpdateActionInfo) return { target, "@Redfish.ActionInfo": odataId(bmc, SIMPLE_UPDATE_INFO) };
  return {
    target,
    "TransferProtocol@Redfish.AllowableValues": TRANSFER_PROTOCOLS,
    "@Redfish.OperationApplyTimeSupport": { "@odata.type": "#Settings.v1_3_0.OperationApplyTimeSupport", SupportedValues: APPLY_TIMES },
  };
}

function updateService(ctx: RequestContext, paths: Paths) {
  const { bmc } = ctx;
  const { profile } = bmc;
  const spec = profile.updateService;
  const extras = spec?.extras?.(bmc) ?? {};
  const actions = { ...(spec?.simpleUpdate && { "#UpdateService.SimpleUpdate": simpleUpdateAction(ctx, paths) }), ...extras.actions };
  return resource(ctx, "UpdateService", paths.updateService, {
    Id: "UpdateService",
    Name: "Update Service",
    ServiceEnabled: true,
    Status: enabled,
    ...extras.properties,
    FirmwareInventory: link(bmc, paths.inventory),
    SoftwareInventory: link(bmc, paths.softwareInventory),
    ...(Object.keys(actions).length > 0 && { Actions: actions }),
    Oem: profile.oem.updateService?.(bmc),
  });
}

function simpleUpdateActionInfo(ctx: RequestContext) {
  return resource(ctx, "ActionInfo", SIMPLE_UPDATE_INFO, {
    Id: "SimpleUpdateActionInfo",
    Name: "SimpleUpdate Action Info",
    Parameters: [
      { Name: "ImageURI", Required: true, DataType: "String" },
      { Name: "TransferProtocol", Required: false, DataType: "String", AllowableValues: TRANSFER_PROTOCOLS },
      { Name: "Targets", Required: false, DataType: "StringArray" },
      { Name: "@Redfish.OperationApplyTime", Required: false, DataType: "String", AllowableValues: APPLY_TIMES },
    ],
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

/** The answer to a firmware update that needs a licence this BMC lacks (Supermicro's 403). */
export function notLicensedReply(ctx: RequestContext): Reply {
  return redfishError(ctx.bmc.profile, 403, "OemLicenseNotPassed", { args: [LICENCES_NEEDED] });
}

/** Whether `targets` name the system (or its BIOS) or the manager: what Supermicro licences. */
export function targetsLicensed(ctx: RequestContext, targets: string[]): boolean {
  const { system, bios, manager } = pathsOf(ctx.bmc.profile);
  const licensed = [system, bios, manager].map((path) => path.toLowerCase());
  return targets.some((target) => licensed.includes(target.replace(/\/$/, "").toLowerCase()));
}

/** HPE firmware packages and Smart Components, which iLO's SimpleUpdate accepts and never flashes. */
const HPE_PACKAGE = /\.(fwpkg|scexe|exe|rpm|zip)$/i;

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
  if (typeof imageUri !== "string" || imageUri === "") {
    return redfishError(profile, 400, "ActionParameterMissing", { args: [action, "ImageURI"] });
  }
  const request = readUpdateParameters(profile, (ctx.body ?? {}) as Record<string, unknown>, action, APPLY_TIMES);
  if (isReply(request)) return request;
  const url = resolveImageUri(imageUri, typeof protocol === "string" ? protocol : undefined);
  if (typeof url === "string") {
    return redfishError(profile, 400, "ActionParameterValueError", { args: ["ImageURI", action], detail: url });
  }
  if (bmc.habits.unlicensed && targetsLicensed(ctx, request.targets ?? [])) return notLicensedReply(ctx);
  if (bmc.habits.ignoresPackages && HPE_PACKAGE.test(url.pathname)) {
    // iLO 5 answers as if it would flash, never does, and says why only in its event log.
    const message = "iLO accepted a firmware package through SimpleUpdate and did not flash it: it flashes only raw .bin and .signed.flash images.";
    recordFlash(bmc, { method: "SimpleUpdate", imageUri: url.href, imageName: imageNameOf(url), ...request, message }, "ignored");
    return success(profile);
  }
  return accepted(ctx, startUpdate(bmc, { method: "SimpleUpdate", targetUri: pathsOf(profile).simpleUpdate, image: { url }, ...request }));
}

function patchUpdateService(ctx: RequestContext): Reply {
  const patch = ctx.bmc.profile.updateService?.patch;
  if (!patch) return redfishError(ctx.bmc.profile, 405, "OperationNotAllowed", { headers: { Allow: "GET" } });
  return patch(ctx);
}

export function updateServiceRoutes(profile: VendorProfile, paths: Paths): Route[] {
  const software = (ctx: RequestContext) => ctx.bmc.profile.softwareInventory?.(ctx.bmc) ?? [];
  const inventory = (base: string, name: string, entriesOf: (ctx: RequestContext) => InventoryEntry[]): Route[] => [
    getRoute(base, (ctx) => collection(ctx, "SoftwareInventory", base, name, entriesOf(ctx).map((entry) => `${base}/${entry.id}`))),
    { method: "GET", pattern: `${base}/:id`, handler: (ctx) => inventoryMember(ctx, base, entriesOf(ctx)) },
  ];
  const spec = profile.updateService;
  return [
    { method: "GET", pattern: paths.updateService, handler: (ctx) => ok(updateService(ctx, paths)) },
    { method: "PATCH", pattern: paths.updateService, handler: patchUpdateService },
    ...inventory(paths.inventory, "Firmware Inventory Collection", (ctx) => inventoryOf(ctx.bmc)),
    ...inventory(paths.softwareInventory, "Software Inventory Collection", software),
    ...(spec?.simpleUpdate ? [{ method: "POST" as const, pattern: paths.simpleUpdate, handler: simpleUpdate }] : []),
    ...(spec?.simpleUpdateActionInfo ? [getRoute(SIMPLE_UPDATE_INFO, simpleUpdateActionInfo)] : []),
  ];
}
