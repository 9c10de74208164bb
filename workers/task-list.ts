import type { TaskList } from "graphile-worker";
import { complianceSettings } from "~/server/services/compliance/settings";
import { SCAN_CHUNK_TASK } from "~/server/services/scans/schemas";
import type { ExhaustedJobHandlers } from "./heartbeat";
import { COMPLIANCE_NIGHTLY, complianceNightly } from "./tasks/compliance-nightly";
import { scanChunkAbandoned, scanChunkTask } from "./tasks/scan-chunk";

/** Every job the worker runs, registered explicitly by identifier. */
export const taskList: TaskList = {
  [SCAN_CHUNK_TASK]: scanChunkTask,
  [COMPLIANCE_NIGHTLY]: complianceNightly,
};

/** Per task: how to record the failure of a job whose worker died during its last attempt. */
export const exhaustedJobHandlers: ExhaustedJobHandlers = {
  [SCAN_CHUNK_TASK]: scanChunkAbandoned,
};

/**
 * The recurring jobs, as graphile-worker crontab lines (times in UTC). A worker down at the hour
 * catches up within 6 hours; the job key keeps one queued run at most.
 */
export function workerCrontab(): string {
  const hour = complianceSettings.nightlyHour;
  return hour === null ? "" : `0 ${hour} * * * ${COMPLIANCE_NIGHTLY} ?fill=6h&max=3&jobKey=${COMPLIANCE_NIGHTLY}`;
}
