import { pollUpdate, powerOn, readPowerState, type UpdateProgress } from "~/server/redfish";
import { inJobLooks } from "./in-job-looks";
import { bringServerJobsForward } from "./jobs";
import { learnedLookMs, learnedWaitKey, nextLookMs, noteWaitEnded, noteWaitUnfinished } from "./learned-waits";
import type { SendState } from "./step-send";
import { done, fail, wait, type StepOutcome, type StepRun } from "./step-types";

export type TaskOutcome = { outcome?: string; resetNeeded?: boolean };

/** The send step's record for this component. */
export function sendStateOf(run: StepRun): SendState {
  return run.component().earlier as SendState;
}

// Looks aimed at when such a task was seen over come at most this many poll intervals after the acceptance.
const LEARNED_TASK_LOOK_POLLS = 10;

// Longest `Retry-After` a running task is taken at its word for (a BMC rebooting after a flash asks for 20-60 s).
const TASK_RETRY_AFTER_MAX_MS = 60_000;

/** When to look at a running task again: the BMC's `Retry-After` (capped, and never past the task's budget), else the poll interval. */
export function nextTaskLookMs(retryAfterMs: number | null, timeouts: { pollIntervalMs: number; taskMs: number }, elapsedMs: number): number {
  if (retryAfterMs === null) return timeouts.pollIntervalMs;
  return Math.max(0, Math.min(retryAfterMs, TASK_RETRY_AFTER_MAX_MS, timeouts.taskMs - elapsedMs + timeouts.pollIntervalMs));
}

/** What the looks at this component's task learn under, and how far from the acceptance they aim at the most. */
const learnedTaskLooks = (run: StepRun) => ({
  taskKey: learnedWaitKey(`task:${run.step.component}`, run.server),
  learnedCap: Math.min(run.timeouts.taskMs, LEARNED_TASK_LOOK_POLLS * run.timeouts.pollIntervalMs),
});

/**
 * The step's first run when it only waits (no BMC request, no database): the BMC accepted the update with a task to
 * follow, and the first look comes later. It waits one poll interval from the acceptance (in the job that sent the
 * update it only ever read "running"), or as long as the soonest such task of this model was seen over (the looks
 * before would see it running; until one was, as long as one was seen still running), but no more than
 * LEARNED_TASK_LOOK_POLLS poll intervals: a task that fails early is still seen soon. Null: the step must look now.
 */
export function firstTaskWait(run: StepRun): Extract<StepOutcome, { kind: "wait" }> | null {
  const sent = sendStateOf(run);
  if (run.step.state.accepted !== undefined || !sent.accepted || sent.installed || sent.alreadyPresent) return null;
  const sinceSent = Date.now() - Date.parse(sent.accepted.sentAt);
  const { taskKey, learnedCap } = learnedTaskLooks(run);
  const firstLook = nextLookMs(taskKey, run.part.id, run.timeouts.pollIntervalMs, learnedCap);
  if (sinceSent >= firstLook) return null;
  return { kind: "wait", afterMs: firstLook - sinceSent, message: "Accepted; the first look at the BMC's task comes later.", state: { accepted: sent.accepted } };
}

/**
 * A look at the BMC's task (not a wait in a worker slot: the step is re-scheduled after the BMC's Retry-After
 * or the poll interval, but for a short pause when such tasks ended about now: `inJobLooks`). A task ending
 * in Exception fails the server with the BMC's words; a task that says nothing before its budget is
 * confirmed by inventory.
 */
export async function waitForTask(run: StepRun): Promise<StepOutcome> {
  const sent = sendStateOf(run);
  if (sent.installed) return done(`Nothing to follow: the BMC reports ${sent.installed}.`);
  if (sent.alreadyPresent) return done("Nothing was applied (already present): confirming by inventory.", { outcome: "already_present" });
  const first = firstTaskWait(run);
  if (first) return first;
  const accepted = (run.step.state.accepted as typeof sent.accepted) ?? sent.accepted!;
  const { taskKey, learnedCap } = learnedTaskLooks(run);
  const client = await run.client();
  const looks = inJobLooks(run);
  let current = accepted;
  let progress: UpdateProgress;
  let elapsed: number;
  for (;;) {
    progress = await pollUpdate(client, current, { signal: run.signal });
    if (progress.tracker) current = { ...current, tracker: progress.tracker };
    elapsed = Date.now() - Date.parse(accepted.sentAt);
    if (progress.state !== "running" && progress.state !== "unknown") break;
    if (elapsed > run.timeouts.taskMs) {
      if (progress.state === "unknown") return done(`No task state after ${run.timeouts.taskMs / 1000} s: confirming by inventory.`, { outcome: "unknown" });
      return fail(`The BMC's task was still running after ${run.timeouts.taskMs / 1000} s${progress.message ? `: ${progress.message}` : ""}.`);
    }
    if (progress.state === "running") noteWaitUnfinished(taskKey, elapsed);
    // Without the BMC's Retry-After, a task still running is looked at again when the soonest such task was over (within the same cap):
    // in this job when that is (or was) about now.
    if (progress.retryAfterMs === null && (await looks.pause(learnedLookMs(taskKey, looks.floorMs, learnedCap, elapsed)))) continue;
    const percent = progress.percent === null || progress.percent === undefined ? "" : ` ${progress.percent}%`;
    const nextLook = progress.retryAfterMs === null ? nextLookMs(taskKey, run.part.id, run.timeouts.pollIntervalMs, learnedCap, elapsed) : nextTaskLookMs(progress.retryAfterMs, run.timeouts, elapsed);
    return wait(nextLook, `Task ${progress.state}${percent}.`, { accepted: current });
  }
  if (progress.state === "failed") return fail(progress.message ?? "The BMC's task failed without a message.");
  await bringServerJobsForward(run.db, noteWaitEnded(taskKey, elapsed));
  if (sent.hostOff && (await readPowerState(client, run.server.systemPath)) === "Off") await powerOn(client, run.server.systemPath);
  const resetNeeded = progress.state === "reset_required" || progress.state === "scheduled";
  return done(`Task ${progress.state.replace("_", " ")}${progress.message ? `: ${progress.message}` : ""}.`, { outcome: progress.state, resetNeeded });
}
