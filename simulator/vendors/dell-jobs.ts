import type { TaskPhase, TaskRecord } from "../bmc/tasks";
import { redfishError } from "../http/errors";
import { ok, type RequestContext } from "../http/reply";
import type { Route } from "../http/router";

export const DELL_JOBS = "/redfish/v1/Managers/iDRAC.Embedded.1/Jobs";

const JOB_STATE: Record<TaskPhase, string> = {
  queued: "New",
  downloading: "Downloading",
  flashing: "Running",
  restarting: "Running",
  scheduled: "Scheduled",
  done: "Completed",
  failed: "Failed",
};

function jobMessage(task: TaskRecord): { Message: string; MessageId: string } {
  if (task.completion) return { Message: task.completion.Message, MessageId: task.completion.MessageId };
  if (task.phase === "done") return { Message: "Job completed successfully.", MessageId: "IDRAC.2.8.RED001" };
  if (task.phase === "scheduled") return { Message: "Task successfully scheduled.", MessageId: "IDRAC.2.8.JCP001" };
  if (task.phase === "failed") {
    const reason = task.messages.findLast((message) => message.Severity === "Critical" && message.MessageId.startsWith("Update."));
    return { Message: reason?.Message ?? "Job failed.", MessageId: reason?.MessageId ?? "IDRAC.2.8.SUP029" };
  }
  return { Message: task.phase === "downloading" ? "Downloading the update package." : "Job in progress.", MessageId: "IDRAC.2.8.PR19" };
}

/** iDRAC's LC job: Dell answers SimpleUpdate with one of these instead of a task monitor (and shows it in its Task's `Oem.Dell`). */
export function jobBody(task: TaskRecord) {
  return {
    "@odata.context": "/redfish/v1/$metadata#DellJob.DellJob",
    "@odata.id": `${DELL_JOBS}/${task.id}`,
    "@odata.type": "#DellJob.v1_5_0.DellJob",
    Id: task.id,
    Name: task.target ? `Firmware Update: ${task.target}` : "Firmware Update",
    Description: "Job Instance",
    JobType: "FirmwareUpdate",
    JobState: JOB_STATE[task.phase],
    PercentComplete: task.percent,
    ...jobMessage(task),
    MessageArgs: [],
    StartTime: "TIME_NOW",
    EndTime: "TIME_NA",
    CompletionTime: task.endTime?.toISOString().replace(/\.\d{3}Z$/, "") ?? null,
    TargetSettingsURI: null,
  };
}

function job(ctx: RequestContext) {
  const task = ctx.bmc.taskStore.get(ctx.params.id);
  return task ? ok(jobBody(task)) : redfishError(ctx.bmc.profile, 404, "ResourceMissingAtURI", { args: [ctx.path] });
}

export function dellJobRoutes(): Route[] {
  return [
    {
      method: "GET",
      pattern: DELL_JOBS,
      handler: (ctx) => {
        const members = ctx.bmc.taskStore.list().map((task) => ({ "@odata.id": `${DELL_JOBS}/${task.id}` }));
        return ok({
          "@odata.context": "/redfish/v1/$metadata#DellJobCollection.DellJobCollection",
          "@odata.id": DELL_JOBS,
          "@odata.type": "#DellJobCollection.DellJobCollection",
          Name: "JobQueue",
          Description: "Collection of Job Instances",
          Members: members,
          "Members@odata.count": members.length,
        });
      },
    },
    { method: "GET", pattern: `${DELL_JOBS}/:id`, handler: job },
    { method: "GET", pattern: "/redfish/v1/Managers/iDRAC.Embedded.1/Oem/Dell/Jobs/:id", handler: job },
  ];
}
