import type { TaskList } from "graphile-worker";
import { REGISTER_NODES_TASK } from "~/server/services/registrations/schemas";
import { SCAN_CHUNK_TASK } from "~/server/services/scans/schemas";
import type { ExhaustedJobHandlers } from "./heartbeat";
import { registerNodesAbandoned, registerNodesTask } from "./tasks/register-nodes";
import { scanChunkAbandoned, scanChunkTask } from "./tasks/scan-chunk";
import { sweepIncomingTask } from "./tasks/sweep-incoming";

/** Every job the worker runs, registered explicitly by identifier. */
export const taskList: TaskList = {
  [SCAN_CHUNK_TASK]: scanChunkTask,
  [REGISTER_NODES_TASK]: registerNodesTask,
  sweep_incoming: sweepIncomingTask,
};

/** Per task: how to record the failure of a job whose worker died during its last attempt. */
export const exhaustedJobHandlers: ExhaustedJobHandlers = {
  [SCAN_CHUNK_TASK]: scanChunkAbandoned,
  [REGISTER_NODES_TASK]: registerNodesAbandoned,
};

/** Recurring jobs (graphile-worker crontab syntax); each names a task above. */
export const crontab = ["0 * * * * sweep_incoming ?max=1"].join("\n");
