import type { TaskList } from "graphile-worker";
import { complianceSettings } from "~/server/services/compliance/settings";
import { REGISTER_NODES_TASK } from "~/server/services/registrations/schemas";
import { REMEDIATION_REQUEST_TASK, REMEDIATION_SERVER_TASK } from "~/server/services/remediation/jobs";
import { SCAN_CHUNK_TASK } from "~/server/services/scans/schemas";
import type { ExhaustedJobHandlers } from "./heartbeat";
import { COMPLIANCE_NIGHTLY, complianceNightly } from "./tasks/compliance-nightly";
import { registerNodesAbandoned, registerNodesTask } from "./tasks/register-nodes";
import { remediationRequestAbandoned, remediationRequestTask, remediationServerAbandoned, remediationServerTask } from "./tasks/remediation";
import { scanChunkAbandoned, scanChunkTask } from "./tasks/scan-chunk";
import { sweepIncomingTask } from "./tasks/sweep-incoming";

/** Every job the worker runs, registered explicitly by identifier. */
export const taskList: TaskList = {
  [SCAN_CHUNK_TASK]: scanChunkTask,
  [REGISTER_NODES_TASK]: registerNodesTask,
  sweep_incoming: sweepIncomingTask,
  [COMPLIANCE_NIGHTLY]: complianceNightly,
  [REMEDIATION_REQUEST_TASK]: remediationRequestTask,
  [REMEDIATION_SERVER_TASK]: remediationServerTask,
};

/** Per task: how to record the failure of a job whose worker died during its last attempt. */
export const exhaustedJobHandlers: ExhaustedJobHandlers = {
  [SCAN_CHUNK_TASK]: scanChunkAbandoned,
  [REGISTER_NODES_TASK]: registerNodesAbandoned,
  [REMEDIATION_REQUEST_TASK]: remediationRequestAbandoned,
  [REMEDIATION_SERVER_TASK]: remediationServerAbandoned,
};

/**
 * Recurring jobs (graphile-worker crontab syntax, times in UTC); each names a task above. The nightly
 * compliance run catches up within 6 hours when no worker ran at its hour; its job key keeps one queued run.
 */
export function crontab(): string {
  const hour = complianceSettings.nightlyHour;
  const nightly = hour === null ? [] : [`0 ${hour} * * * ${COMPLIANCE_NIGHTLY} ?fill=6h&max=3&jobKey=${COMPLIANCE_NIGHTLY}`];
  return ["0 * * * * sweep_incoming ?max=1", ...nightly].join("\n");
}
