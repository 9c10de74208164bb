import type { TaskList } from "graphile-worker";

/**
 * Every job the worker runs, registered explicitly by identifier. Discovery scans and firmware
 * requests add their tasks here; an empty list still runs (and migrates) the queue.
 */
export const taskList: TaskList = {};
