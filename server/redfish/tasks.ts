/**
 * One poll of whatever tracks an accepted update, mapped to one small vocabulary
 * (`tasks/states.ts`). A poll reads one or two resources and never waits: the caller schedules the
 * next one (honouring `retryAfterMs`). Transport failures and 5xx are thrown as `RedfishError`s
 * (transient: see `isTransientBmcError`); a BMC rebooting after flashing itself is one of them.
 */
import type { RedfishClient } from "./client";
import { RedfishProtocolError } from "./errors";
import type { RedfishResponse } from "./http";
import { idOf, pathOf, prop } from "./odata";
import { hpeFlashProgress, progress, taskProgress, type UpdateProgress } from "./tasks/states";
import { retryAfterOf } from "./retry";
import { releasePushClaim } from "./update/push";
import type { AcceptedUpdate } from "./update/types";

export type { UpdateProgress, UpdateState } from "./tasks/states";

const OVER = new Set(["completed", "already_present", "failed", "reset_required", "scheduled", "gone"]);

type Read = { response: RedfishResponse; found: true } | { found: false };

/** GET that tells "not there" (404/410) apart; any other non-2xx is a protocol error. */
async function read(client: RedfishClient, path: string, signal?: AbortSignal): Promise<Read> {
  const response = await client.get(path, { signal });
  if (response.status === 404 || response.status === 410) return { found: false };
  if (response.status >= 300) throw RedfishProtocolError.answered(client.bmc, `GET ${pathOf(path)} answered ${response.status}`, response);
  return { response, found: true };
}

function withRetryAfter(result: UpdateProgress, response: RedfishResponse): UpdateProgress {
  return { ...result, retryAfterMs: retryAfterOf(response) };
}

/** A task monitor: 202 = still running (its body may be the task), 200 = the finished task, 204 = done. */
function monitorProgress(response: RedfishResponse, accepted: AcceptedUpdate): UpdateProgress {
  const { body, status } = response;
  if (status === 204 || (status === 200 && body === undefined)) return progress("completed", { reported: `HTTP ${status}` });
  const result = taskProgress(body, accepted.imageUrl);
  const task = idOf(body);
  const tracker = task && prop(body, "TaskState") !== undefined ? { ...accepted.tracker, task: pathOf(task) } : undefined;
  const running = status === 202 && result.state !== "failed" ? { state: "running" as const } : {};
  // Tracking moved to a job wins; otherwise the task found behind the monitor is read from now on.
  return { ...result, ...running, ...(tracker && !result.tracker && !accepted.tracker.task && { tracker }) };
}

async function readProgress(client: RedfishClient, accepted: AcceptedUpdate, signal?: AbortSignal): Promise<UpdateProgress> {
  const { tracker, imageUrl } = accepted;
  if (tracker.dellJob) {
    for (const path of tracker.dellJob.paths) {
      const job = await read(client, path, signal);
      if (job.found) return withRetryAfter(taskProgress(job.response.body, imageUrl), job.response);
    }
    return progress("gone", { message: `the iDRAC no longer lists job ${tracker.dellJob.id}` });
  }
  // The task first: reading a finished monitor deletes the task on Lenovo XCC, and iLO forgets finished monitors.
  if (tracker.task) {
    const task = await read(client, tracker.task, signal);
    if (task.found) return withRetryAfter(taskProgress(task.response.body, imageUrl), task.response);
  }
  if (tracker.monitor && !tracker.task) {
    const monitor = await read(client, tracker.monitor, signal);
    if (monitor.found) return withRetryAfter(monitorProgress(monitor.response, accepted), monitor.response);
  }
  if (tracker.hpeUpdateService) {
    const service = await read(client, tracker.hpeUpdateService.path, signal);
    if (service.found) {
      const result = hpeFlashProgress(service.response.body, tracker.hpeUpdateService.legacy, imageUrl);
      if (result.state !== "unknown" || accepted.noTask) return withRetryAfter(result, service.response);
    }
  }
  if (accepted.noTask) return progress("unknown", { message: "the BMC gave no task for this update: confirm it by reading the installed version" });
  return progress("gone", { message: "the BMC no longer lists the task of this update (purged or lost in a restart): confirm it by reading the installed version" });
}

/**
 * One look at an accepted update. When the update is over (any state but `running` and
 * `unknown`), a push claim it holds (Lenovo XCC) is released, idempotently. When `tracker` is set
 * on the answer, store it in place of `accepted.tracker`.
 */
export async function pollUpdate(client: RedfishClient, accepted: AcceptedUpdate, options: { signal?: AbortSignal } = {}): Promise<UpdateProgress> {
  const result = await readProgress(client, accepted, options.signal);
  if (accepted.claim && OVER.has(result.state)) await releasePushClaim(client, accepted.claim.updateService);
  return result;
}
