import { Logger, run, type Runner, type TaskList } from "graphile-worker";
import { env } from "~/server/env";
import { crontab, taskList } from "./task-list";

const logger = new Logger((scope) => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[worker${scope.taskIdentifier ? `:${scope.taskIdentifier}` : ""}] ${message}`);
});

/**
 * A graphile-worker runner on Rackpilot's own database (its jobs live in the graphile_worker schema).
 * The recurring jobs come with the standard task list only (a test's own list has no such tasks).
 */
export function startWorker(connectionString: string, tasks: TaskList = taskList): Promise<Runner> {
  return run({
    connectionString,
    taskList: tasks,
    crontab: tasks === taskList ? crontab : "",
    concurrency: env("RACKPILOT_WORKER_CONCURRENCY"),
    noHandleSignals: true,
    pollInterval: 1000,
    logger,
  });
}
