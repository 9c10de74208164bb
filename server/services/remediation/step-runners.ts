import { checkBinary, clearJobQueue } from "./step-binary";
import { confirmComponentVersion } from "./step-confirm";
import { restartForUpdates, waitForReset } from "./step-restart";
import { sendComponentUpdate } from "./step-send";
import { complianceCheck, logNewVersions, logVersions } from "./step-server";
import type { StepOutcome, StepRun } from "./step-types";
import { firstTaskWait, waitForTask } from "./step-wait";

/** Every step name the plans use (steps.ts), and what runs it. */
export const STEP_RUNNERS: Record<string, (run: StepRun) => Promise<StepOutcome>> = {
  compliance_check: complianceCheck,
  log_versions: logVersions,
  check_binary: checkBinary,
  clear_job_queue: clearJobQueue,
  send_update: sendComponentUpdate,
  wait_for_task: waitForTask,
  restart_host: restartForUpdates,
  wait_for_reset: waitForReset,
  confirm_version: confirmComponentVersion,
  log_new_versions: logNewVersions,
};

/**
 * Steps whose first run may only wait (no BMC request, no database), and that wait: the step before them ends in the
 * same statement as their hand-over instead of starting them first.
 */
export const FIRST_WAITS: Partial<Record<string, (run: StepRun) => Extract<StepOutcome, { kind: "wait" }> | null>> = {
  wait_for_task: firstTaskWait,
};
