import type { TaskList } from "graphile-worker";
import { SCAN_CHUNK_TASK } from "~/server/services/scans/schemas";
import type { ExhaustedJobHandlers } from "./heartbeat";
import { scanChunkAbandoned, scanChunkTask } from "./tasks/scan-chunk";

/** Every job the worker runs, registered explicitly by identifier. */
export const taskList: TaskList = {
  [SCAN_CHUNK_TASK]: scanChunkTask,
};

/** Per task: how to record the failure of a job whose worker died during its last attempt. */
export const exhaustedJobHandlers: ExhaustedJobHandlers = {
  [SCAN_CHUNK_TASK]: scanChunkAbandoned,
};
