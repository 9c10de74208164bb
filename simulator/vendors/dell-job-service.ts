import { redfishError } from "../http/errors";
import { bodyField, ok, type RequestContext } from "../http/reply";
import type { Route } from "../http/router";

/** Where iDRAC9 (4.x-6.x) serves its job service; the manager links it under `Links.Oem.Dell`. */
export const DELL_JOB_SERVICE = "/redfish/v1/Dell/Managers/iDRAC.Embedded.1/DellJobService";
const DELETE_JOB_QUEUE = `${DELL_JOB_SERVICE}/Actions/DellJobService.DeleteJobQueue`;

function jobService() {
  return {
    "@odata.context": "/redfish/v1/$metadata#DellJobService.DellJobService",
    "@odata.id": DELL_JOB_SERVICE,
    "@odata.type": "#DellJobService.v1_1_0.DellJobService",
    Id: "Job Service",
    Name: "DellJobService",
    Description: "The DellJobService resource provides some actions to support Job management functionality.",
    Actions: { "#DellJobService.DeleteJobQueue": { target: DELETE_JOB_QUEUE } },
  };
}

/**
 * `DeleteJobQueue` with a `JobID`, or `JID_CLEARALL` for every job, as Dell's DeleteJobQueueREDFISH.py
 * sends it. A job that is still running cannot be deleted on its own.
 */
function deleteJobQueue(ctx: RequestContext) {
  const { bmc } = ctx;
  const jobId = bodyField(ctx, "JobID");
  const action = "DellJobService.DeleteJobQueue";
  if (typeof jobId !== "string" || jobId === "") return redfishError(bmc.profile, 400, "ActionParameterMissing", { args: [action, "JobID"] });
  if (jobId.toUpperCase() === "JID_CLEARALL") {
    for (const task of bmc.taskStore.list()) bmc.taskStore.delete(task.id);
  } else {
    const task = bmc.taskStore.get(jobId);
    if (!task) return redfishError(bmc.profile, 400, "ActionParameterValueError", { args: ["JobID", action], detail: `Job ID ${jobId} does not exist.` });
    if (!task.finished) return redfishError(bmc.profile, 400, "ResourceInUse", { detail: `Job ${jobId} is ${task.state} and cannot be deleted.` });
    bmc.taskStore.delete(task.id);
  }
  return ok({ "@Message.ExtendedInfo": [{ Message: "The specified job was deleted", MessageId: "IDRAC.2.8.SUP020", Severity: "Informational" }] });
}

export function dellJobServiceRoutes(): Route[] {
  return [
    { method: "GET", pattern: DELL_JOB_SERVICE, handler: () => ok(jobService()) },
    { method: "POST", pattern: DELETE_JOB_QUEUE, handler: deleteJobQueue },
  ];
}
