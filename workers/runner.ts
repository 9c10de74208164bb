import { EventEmitter } from "node:events";
import { Logger, parseCrontab, run, type Runner, type TaskList, type WorkerEvents } from "graphile-worker";
import { DEFERRED_COMMIT, withSessionSettings } from "~/db/client";
import { clearJobWaker, type JobWaker, setJobWaker } from "~/server/services/jobs";
import { workerSettings } from "~/server/config";
import { pinAddJobsToGenericPlans } from "./add-jobs-plan";
import { startHeartbeat, type ExhaustedJobHandlers } from "./heartbeat";
import { crontab, exhaustedJobHandlers, taskList } from "./task-list";

const logger = new Logger((scope) => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[worker${scope.taskIdentifier ? `:${scope.taskIdentifier}` : ""}] ${message}`);
});

export type WorkerTasks = { tasks: TaskList; onExhausted?: ExhaustedJobHandlers };

/**
 * A graphile-worker runner on Rackpilot's own database (its jobs live in the graphile_worker schema),
 * with a heartbeat: when a worker process dies, a live one frees its jobs within a heartbeat expiry.
 * The recurring jobs come with the standard task list only (a test's own list has no such tasks).
 */
export async function startWorker(connectionString: string, worker: WorkerTasks = { tasks: taskList, onExhausted: exhaustedJobHandlers }): Promise<Runner> {
  const events: WorkerEvents = new EventEmitter();
  // The jobs this process queues for later are fetched when they come due, not at the next poll.
  let waker: JobWaker | undefined;
  events.on("pool:create", ({ workerPool }) => setJobWaker((waker = (count) => workerPool.nudge(count))));
  events.on("pool:release", () => waker && clearJobWaker(waker));
  const heartbeat = await startHeartbeat({
    connectionString,
    events,
    intervalMs: workerSettings.heartbeatIntervalMs,
    expiryMs: workerSettings.heartbeatExpiryMs,
    onExhausted: worker.onExhausted,
  });
  let runner: Runner;
  try {
    runner = await run({
      // Fetching and completing jobs need not wait for the WAL flush: after a crash of PostgreSQL itself, a job whose
      // fetch or completion was lost runs again, as one whose worker died does (every task runs at least once).
      connectionString: withSessionSettings(connectionString, DEFERRED_COMMIT),
      taskList: worker.tasks,
      // Parsed here (graphile-worker 0.16 and 0.18 alike), so no `crontab` file is ever read from the cwd.
      parsedCronItems: parseCrontab(worker.tasks === taskList ? crontab() : ""),
      concurrency: workerSettings.concurrency,
      // One connection per job slot (getting and completing jobs) and a few for the runner itself.
      maxPoolSize: workerSettings.concurrency + 2,
      noHandleSignals: true,
      preset: {
        worker: {
          // Jobs that end in the same tick are completed in one statement. A job whose worker dies before that is freed by
          // the heartbeat and runs again, as one killed just before its completion always could.
          completeJobBatchDelay: 0,
          // One query fetches due jobs for the free slots, and only the queue polls (not each idle slot) while none are due.
          ...(workerSettings.localQueueSize > 0 && { localQueue: { size: workerSettings.localQueueSize } }),
        },
      },
      pollInterval: workerSettings.pollIntervalMs,
      logger,
      events,
    });
  } catch (error) {
    await heartbeat.stop();
    throw error;
  }
  // After run(): graphile-worker has installed or upgraded its schema by then.
  await pinAddJobsToGenericPlans(connectionString, (message) => console.error(`[worker] ${message}`));
  // A runner that ends on its own (a fatal error) stops beating too, so its jobs get freed.
  runner.promise.catch(() => undefined).finally(() => void heartbeat.stop());
  return {
    ...runner,
    stop: async (reason?: string) => {
      await runner.stop(reason);
      await heartbeat.stop();
    },
  };
}
