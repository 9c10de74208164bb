import { Logger, run, type Runner, type TaskList } from "graphile-worker";
import { taskList, workerCrontab } from "./task-list";

const logger = new Logger((scope) => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[worker${scope.taskIdentifier ? `:${scope.taskIdentifier}` : ""}] ${message}`);
});

/**
 * A graphile-worker runner on Rackpilot's own database (its jobs live in the graphile_worker schema),
 * with the recurring jobs of `crontab`. Only APIs that graphile-worker 0.16 and 0.18 share.
 */
export function startWorker(connectionString: string, tasks: TaskList = taskList, crontab: string = workerCrontab()): Promise<Runner> {
  return run({
    connectionString,
    taskList: tasks,
    crontab,
    concurrency: Number(process.env.RACKPILOT_WORKER_CONCURRENCY) || 4,
    noHandleSignals: true,
    pollInterval: 1000,
    logger,
  });
}
