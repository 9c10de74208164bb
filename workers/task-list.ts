import type { TaskList } from "graphile-worker";
import { complianceSettings } from "~/server/services/compliance/settings";
import { COMPLIANCE_NIGHTLY, complianceNightly } from "./tasks/compliance-nightly";

/**
 * Every job the worker runs, registered explicitly by identifier. Discovery scans and firmware
 * requests add their tasks here.
 */
export const taskList: TaskList = {
  [COMPLIANCE_NIGHTLY]: complianceNightly,
};

/**
 * The recurring jobs, as graphile-worker crontab lines (times in UTC). A worker down at the hour
 * catches up within 6 hours; the job key keeps one queued run at most.
 */
export function workerCrontab(): string {
  const hour = complianceSettings.nightlyHour;
  return hour === null ? "" : `0 ${hour} * * * ${COMPLIANCE_NIGHTLY} ?fill=6h&max=3&jobKey=${COMPLIANCE_NIGHTLY}`;
}
