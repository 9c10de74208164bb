import { randomBytes } from "node:crypto";
import os from "node:os";
import { makeWorkerUtils, type WorkerEvents, type WorkerUtils } from "graphile-worker";

/** A job whose worker died while it ran, as graphile-worker's public `jobs` view shows it. */
export type AbandonedJob = {
  id: string;
  taskIdentifier: string;
  /** The job key: tasks that must clean up after a dead worker name their subject in it. */
  key: string | null;
  attempts: number;
  maxAttempts: number;
};

/**
 * Per task identifier: what to do when a worker died during a job's last allowed attempt. The job
 * will never run again and its task never got to record the failure, so the handler does.
 */
export type ExhaustedJobHandlers = Record<string, (job: AbandonedJob) => Promise<void>>;

export type HeartbeatOptions = {
  connectionString: string;
  /** The runner's event emitter (pass the same one to `run({ events })`): it names the lock ids. */
  events: WorkerEvents;
  intervalMs: number;
  expiryMs: number;
  onExhausted?: ExhaustedJobHandlers;
  log?: (message: string) => void;
};

export type Heartbeat = { id: string; lockIds: ReadonlySet<string>; beat: () => Promise<void>; stop: () => Promise<void> };

// Only one live worker at a time frees dead workers' jobs, so an exhausted job is handled once.
const REAPER_LOCK = "select pg_try_advisory_xact_lock(hashtext('rackpilot:worker-reaper')) as acquired";

/**
 * Keeps this process's row in `worker_heartbeats` fresh and, on each beat, frees the jobs locked by
 * workers whose row went stale (or that never had one) with graphile-worker's `forceUnlockWorkers`,
 * so they run again at once instead of after graphile-worker's four-hour lock timeout.
 */
export async function startHeartbeat(options: HeartbeatOptions): Promise<Heartbeat> {
  const id = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const lockIds = new Set<string>();
  const utils = await makeWorkerUtils({ connectionString: options.connectionString });
  const log = options.log ?? ((message: string) => console.error(`[worker:heartbeat] ${message}`));
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const cycle = async () => {
    await record(utils, id, lockIds);
    await reapDeadWorkers(utils, options, log);
  };
  // Beats never overlap; a failed one (database away) is retried on the next tick.
  const beat = () => {
    running = running.then(cycle).catch((error) => log(`beat failed: ${error instanceof Error ? error.message : String(error)}`));
    return running;
  };
  const addLockId = (lockId: string | undefined) => {
    if (!lockId || lockIds.has(lockId)) return;
    lockIds.add(lockId);
    if (!stopped) void beat();
  };
  // graphile-worker 0.16 locks jobs with each worker's id, 0.17+ with its pool's: record both.
  options.events.on("pool:create", ({ workerPool }) => addLockId((workerPool as { id?: string }).id));
  options.events.on("worker:create", ({ worker }) => addLockId(worker.workerId));

  await beat();
  const timer = setInterval(beat, options.intervalMs);
  timer.unref();
  let stopping: Promise<void> | undefined;
  return {
    id,
    lockIds,
    beat,
    stop: () =>
      (stopping ??= (async () => {
        stopped = true;
        clearInterval(timer);
        await running;
        await utils.withPgClient((client) => client.query("delete from worker_heartbeats where id = $1", [id])).catch(() => undefined);
        await utils.release();
      })()),
  };
}

async function record(utils: WorkerUtils, id: string, lockIds: ReadonlySet<string>) {
  await utils.withPgClient((client) =>
    client.query(
      `insert into worker_heartbeats (id, lock_ids, hostname, pid) values ($1, $2, $3, $4)
       on conflict (id) do update set lock_ids = excluded.lock_ids, beat_at = now()`,
      [id, [...lockIds], os.hostname(), process.pid],
    ),
  );
}

async function reapDeadWorkers(utils: WorkerUtils, options: HeartbeatOptions, log: (message: string) => void) {
  const expiry = `${options.expiryMs} milliseconds`;
  await utils.withPgClient(async (client) => {
    await client.query("begin");
    try {
      const { rows: lock } = await client.query<{ acquired: boolean }>(REAPER_LOCK);
      if (!lock[0]?.acquired) return;
      // A lock younger than the expiry may belong to a worker that has not beaten since it took it.
      const { rows } = await client.query<AbandonedJob & { lockedBy: string }>(
        `select j.id::text, j.task_identifier as "taskIdentifier", j.key, j.attempts, j.max_attempts as "maxAttempts", j.locked_by as "lockedBy"
         from graphile_worker.jobs j
         where j.locked_by is not null and j.locked_at < now() - $1::interval
           and not exists (select 1 from worker_heartbeats h where h.beat_at > now() - $1::interval and j.locked_by = any(h.lock_ids))`,
        [expiry],
      );
      await client.query("delete from worker_heartbeats where beat_at < now() - $1::interval", [expiry]);
      if (!rows.length) return;
      const dead = [...new Set(rows.map((row) => row.lockedBy))];
      // Handlers first: if one fails, the jobs stay locked and the next beat tries again.
      for (const job of rows.filter((row) => row.attempts >= row.maxAttempts)) {
        const handler = options.onExhausted?.[job.taskIdentifier];
        await handler?.({ id: job.id, taskIdentifier: job.taskIdentifier, key: job.key, attempts: job.attempts, maxAttempts: job.maxAttempts });
      }
      await utils.forceUnlockWorkers(dead);
      log(`freed ${rows.length} job(s) of dead worker(s) ${dead.join(", ")}: ${rows.map((row) => `${row.taskIdentifier} #${row.id}`).join(", ")}`);
    } finally {
      await client.query("commit");
    }
  });
}
