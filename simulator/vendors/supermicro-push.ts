import type { Bmc } from "../bmc/bmc";
import { checkImage, startUpdate } from "../bmc/flash";
import { taskMessages } from "../bmc/task-messages";
import type { TaskRecord } from "../bmc/tasks";
import { redfishError } from "../http/errors";
import { parseImage } from "../image";
import type { Reply, RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { pathsOf } from "../resources/paths";
import { readMultipartUpload } from "../resources/push";
import { notLicensedReply, targetsLicensed } from "../resources/update-service";
import { isReply } from "../resources/update-parameters";

/** X12/X13 `MultipartHttpPushUri` and `UpdateService.StartUpdate` (bmc-toolbox/bmclib providers/supermicro/x12_firmware.go). */
export const SMC_UPLOAD = "/redfish/v1/UpdateService/upload";
export const SMC_START_UPDATE = "/redfish/v1/UpdateService/Actions/UpdateService.StartUpdate";

/** Supermicro names its tasks after the component: "BIOS Verify", "BMC Update". */
function labelOf(image: Buffer): string {
  try {
    const { type } = parseImage(image).manifest;
    return type === "bios" || type === "bmc" ? type.toUpperCase() : "Firmware";
  } catch {
    return "Firmware";
  }
}

/** 202 with the task named only in the body's `Accepted` message, as X12 firmware answers (no Location). */
function acceptedInBody(bmc: Bmc, task: TaskRecord, label: string, phase: "Verify" | "Update"): Reply {
  const uri = `${pathsOf(bmc.profile).tasks}/${task.id}`;
  const info = {
    MessageId: "SMC.1.0.OemSimpleupdateAcceptedMessage",
    Severity: "Ok",
    Resolution: "No resolution was required.",
    Message: `Please also check Task Resource ${uri} to see more information.`,
    MessageArgs: [uri],
    RelatedProperties: [`${label === "BIOS" ? "Bios" : "Bmc"}${phase}Accepted`],
  };
  const message = "Successfully Accepted Request. Please see the location header and ExtendedInfo for more information.";
  return { status: 202, body: { Accepted: { code: "Base.v1_10_3.Accepted", Message: message, "@Message.ExtendedInfo": [info] } } };
}

/** An upload waits for StartUpdate, or an update runs: X12 refuses another upload until then (or a cold reset). */
function inUpdateMode(bmc: Bmc): boolean {
  return bmc.updates.staged !== undefined || bmc.taskStore.list().some((task) => task.kind === "StartUpdate" && !task.finished);
}

/** Phase one: the image is uploaded with `OnStartUpdateRequest`, and a "Verify" task checks it. */
function upload(ctx: RequestContext): Reply {
  const { bmc } = ctx;
  const upload = readMultipartUpload(ctx, "UpdateService.upload", ["OnStartUpdateRequest"] as const);
  if (isReply(upload)) return upload;
  const label = labelOf(upload.image.data);
  const licensed = label === "BIOS" || label === "BMC" || targetsLicensed(ctx, upload.targets ?? []);
  if (bmc.habits.unlicensed && licensed) return notLicensedReply(ctx);
  if (inUpdateMode(bmc)) {
    const detail = "The BMC firmware update was already in update mode.";
    return redfishError(bmc.profile, 400, "GeneralError", { detail, messageId: "SMC.1.0.OemFirmwareAlreadyInUpdateMode", args: [label] });
  }
  const verify = bmc.taskStore.create("Verify", upload.image.name, SMC_UPLOAD);
  verify.name = `${label} Verify`;
  verify.messages.push(taskMessages.started(verify.id));
  const staged = { image: upload.image.data, name: upload.image.name, targets: upload.targets ?? [], force: upload.force, label, verify };
  bmc.updates.staged = staged;
  const verifyMs = Math.min(2000, bmc.timings.taskMs / 5);
  verify.enter("flashing", 0, 100, verifyMs);
  bmc.later(verifyMs, () => {
    const checked = checkImage(bmc, staged.image, staged.name);
    if ("problem" in checked) {
      verify.messages.push(checked.problem, taskMessages.aborted(verify.id));
      verify.enter("failed", verify.percent);
      if (bmc.updates.staged === staged) bmc.updates.discardStaged();
      return;
    }
    verify.messages.push(taskMessages.completed(verify.id));
    verify.enter("done", 100);
  });
  return acceptedInBody(bmc, verify, label, "Verify");
}

/** Phase two: the checked image is flashed by an "Update" task. */
function startUploaded(ctx: RequestContext): Reply {
  const { bmc } = ctx;
  const staged = bmc.updates.staged;
  if (!staged) {
    const detail = "No uploaded firmware image is waiting: upload one with OperationApplyTime OnStartUpdateRequest first.";
    return redfishError(bmc.profile, 400, "GeneralError", { detail });
  }
  if (!staged.verify.finished) return redfishError(bmc.profile, 409, "ResourceInUse", { detail: "The uploaded image is still being verified." });
  bmc.updates.discardStaged();
  const image = { data: staged.image, name: staged.name };
  const task = startUpdate(bmc, { method: "StartUpdate", targetUri: SMC_START_UPDATE, image, targets: staged.targets, force: staged.force, taskName: `${staged.label} Update` });
  return acceptedInBody(bmc, task, staged.label, "Update");
}

export function supermicroPushRoutes(): Route[] {
  return [
    { method: "POST", pattern: SMC_UPLOAD, handler: upload },
    { method: "POST", pattern: SMC_START_UPDATE, handler: startUploaded },
  ];
}

/** What X12 adds to its UpdateService (a capture in stmcginnis/gofish oem/smc). */
export function supermicroUpdateExtras() {
  return {
    properties: { MultipartHttpPushUri: SMC_UPLOAD },
    actions: { "#UpdateService.StartUpdate": { target: SMC_START_UPDATE } },
  };
}
