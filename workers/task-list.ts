import type { TaskList } from "graphile-worker";
import { sweepIncomingTask } from "./tasks/sweep-incoming";

/**
 * Every job the worker runs, registered explicitly by identifier. Discovery scans and firmware
 * requests add their tasks here.
 */
export const taskList: TaskList = {
  sweep_incoming: sweepIncomingTask,
};

/** Recurring jobs (graphile-worker crontab syntax); each names a task above. */
export const crontab = ["0 * * * * sweep_incoming ?max=1"].join("\n");
