import type { TaskList } from "graphile-worker";
import type { ExhaustedJobHandlers } from "./heartbeat";

/**
 * Every job the worker runs, registered explicitly by identifier. Discovery scans and firmware
 * requests add their tasks here; an empty list still runs (and migrates) the queue.
 */
export const taskList: TaskList = {};

/** Per task: how to record the failure of a job whose worker died during its last attempt. */
export const exhaustedJobHandlers: ExhaustedJobHandlers = {};
