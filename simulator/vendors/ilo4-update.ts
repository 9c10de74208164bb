import { resolveImageUri } from "../bmc/download";
import { startUpdate } from "../bmc/flash";
import { inventoryOf } from "../bmc/inventory";
import type { TaskPhase } from "../bmc/tasks";
import { redfishError, success } from "../http/errors";
import { bodyField, ok, type Reply, type RequestContext } from "../http/reply";
import type { Route } from "../http/router";

export const ILO4_UPDATE_SERVICE = "/redfish/v1/Managers/1/UpdateService";
const INSTALL_ACTION = `${ILO4_UPDATE_SERVICE}/Actions/HpiLOFirmwareUpdate.InstallFromURI`;
export const ILO4_FIRMWARE_INVENTORY = "/redfish/v1/Systems/1/FirmwareInventory";

const STATE: Record<TaskPhase, string> = {
  queued: "Uploading",
  downloading: "Uploading",
  flashing: "Progressing",
  restarting: "Progressing",
  scheduled: "Complete",
  done: "Complete",
  failed: "Error",
};

/** HPE's pre-Redfish firmware update resource: one flash at a time, polled through State. */
function updateService(ctx: RequestContext): Reply {
  const task = ctx.bmc.taskStore.latest("InstallFromURI");
  const failure = task?.phase === "failed" ? task.messages.find((message) => message.Severity === "Critical") : undefined;
  return ok({
    "@odata.context": "/redfish/v1/$metadata#Managers/Members/1/UpdateService$entity",
    "@odata.id": `${ILO4_UPDATE_SERVICE}/`,
    "@odata.type": "#HpiLOFirmwareUpdate.1.0.0.HpiLOFirmwareUpdate",
    Id: "UpdateService",
    Name: "iLO Firmware Update",
    State: task ? STATE[task.phase] : "Idle",
    ProgressPercent: task?.percent ?? 0,
    ImageURI: task?.imageUri,
    Messages: failure ? [{ MessageID: failure.MessageId, Message: failure.Message }] : undefined,
    Actions: { "#HpiLOFirmwareUpdate.InstallFromURI": { target: `${INSTALL_ACTION}/` } },
  });
}

function installFromUri(ctx: RequestContext): Reply {
  const { bmc } = ctx;
  const { profile } = bmc;
  if (ctx.path.toLowerCase() === ILO4_UPDATE_SERVICE.toLowerCase() && bodyField(ctx, "Action") !== "InstallFromURI") {
    return redfishError(profile, 400, "ActionParameterValueNotInList", { args: [String(bodyField(ctx, "Action")), "Action", "POST"] });
  }
  const firmwareUri = bodyField(ctx, "FirmwareURI");
  if (typeof firmwareUri !== "string" || firmwareUri === "") {
    return redfishError(profile, 400, "ActionParameterMissing", { args: ["InstallFromURI", "FirmwareURI"] });
  }
  const busy = bmc.taskStore.latest("InstallFromURI");
  if (busy && !busy.finished && busy.phase !== "scheduled") {
    return redfishError(profile, 409, "ResourceInUse", { detail: "A firmware update is already in progress." });
  }
  const url = resolveImageUri(firmwareUri);
  if (typeof url === "string") {
    return redfishError(profile, 400, "ActionParameterValueError", { args: ["FirmwareURI", "InstallFromURI"], detail: url });
  }
  startUpdate(bmc, { method: "InstallFromURI", targetUri: INSTALL_ACTION, image: { url } });
  return success(profile);
}

/** Device classes of adapters, which iLO 4 files under their kind rather than their PCI ids. */
const ADAPTER_KEYS: Partial<Record<string, string>> = { storage_controller: "HPSmartArrayController", nic: "NIC" };

/** iLO 4 reports firmware per system, keyed by device class, with `VersionString`s. */
function firmwareInventory(ctx: RequestContext): Reply {
  const current: Record<string, { Name: string; VersionString: string; Location: string }[]> = {};
  for (const entry of inventoryOf(ctx.bmc)) {
    const key = (entry.type && ADAPTER_KEYS[entry.type]) ?? entry.description ?? entry.id;
    const location = (entry.oem?.Hp as { DeviceContext?: string } | undefined)?.DeviceContext ?? "System Board";
    (current[key] ??= []).push({ Name: entry.name, VersionString: entry.version, Location: location });
  }
  return ok({
    "@odata.context": "/redfish/v1/$metadata#Systems/Members/1/FirmwareInventory$entity",
    "@odata.id": `${ILO4_FIRMWARE_INVENTORY}/`,
    "@odata.type": "#FwSwVersionInventory.1.2.0.FwSwVersionInventory",
    Id: "FirmwareInventory",
    Name: "Firmware Version Inventory",
    Current: current,
  });
}

export function ilo4UpdateRoutes(): Route[] {
  return [
    { method: "GET", pattern: ILO4_UPDATE_SERVICE, handler: updateService },
    { method: "POST", pattern: ILO4_UPDATE_SERVICE, handler: installFromUri },
    { method: "POST", pattern: INSTALL_ACTION, handler: installFromUri },
    { method: "GET", pattern: ILO4_FIRMWARE_INVENTORY, handler: firmwareInventory },
  ];
}
