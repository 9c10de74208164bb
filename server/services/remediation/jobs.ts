import type { DbExecutor } from "~/db/client";
import { type Placeholder, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { addJob, enqueueJob, wakeWorkerAt } from "../jobs";
import type { EarlierLook } from "./learned-waits";

/** Begins, advances and ends a request (one job at a time per request: its key). */
export const REMEDIATION_REQUEST_TASK = "remediation_request";
/** Runs one server's steps until it must wait, then hands over to a job of the next generation. */
export const REMEDIATION_SERVER_TASK = "remediation_server";

export const requestJobKey = (requestId: number) => `remediation:request:${requestId}`;
const SERVER_JOB_KEY_PREFIX = "remediation:server:";
const SERVER_JOB_KEY = new RegExp(`^${SERVER_JOB_KEY_PREFIX}(\\d+)$`);

/** The request-server a server job's key names (for the exhausted-job handler). */
export function requestServerOfJobKey(key: string | null): number | null {
  const match = SERVER_JOB_KEY.exec(key ?? "");
  return match ? Number(match[1]) : null;
}

/**
 * Brings queued server jobs forward to `lookAt` (never later than they were due; a job already running, or gone, is
 * left alone). `server` is the request-server: its job's key names it.
 */
export async function bringServerJobsForward(db: DbExecutor, looks: EarlierLook[]): Promise<void> {
  if (!looks.length) return;
  const rows = JSON.stringify(looks.map(({ server, lookAt }) => ({ key: `${SERVER_JOB_KEY_PREFIX}${server}`, look_at: lookAt.toISOString() })));
  await db.execute(sql`
    select count(*) from json_to_recordset(${rows}::json) as earlier(key text, look_at timestamptz)
    join graphile_worker.jobs as job on job.key = earlier.key and job.run_at > earlier.look_at and job.locked_at is null,
    lateral graphile_worker.reschedule_jobs(array[job.id], run_at => earlier.look_at)`);
  for (const { lookAt } of looks) wakeWorkerAt(lookAt);
}

export function requestOfJobKey(key: string | null): number | null {
  const match = /^remediation:request:(\d+)$/.exec(key ?? "");
  return match ? Number(match[1]) : null;
}

// Retried through crashes and database hiccups; the steps themselves are idempotent.
const MAX_ATTEMPTS = 10;

export function enqueueRequestJob(db: DbExecutor, requestId: number): Promise<void> {
  return enqueueJob(db, REMEDIATION_REQUEST_TASK, { request_id: requestId }, { jobKey: requestJobKey(requestId), maxAttempts: MAX_ATTEMPTS });
}

/**
 * A server's job, as an expression over the rows of the statement that bumped their generation (the request-server's
 * `id`, its new `generation`, and when it runs: now unless `runAt`). One job per row; a queued job of the same key is
 * replaced, and a running one (the job handing over) loses its key to it.
 */
export const serverJobCall = (id: SQLWrapper, generation: SQLWrapper, runAt: Placeholder | null = null): SQL =>
  addJob(REMEDIATION_SERVER_TASK, {
    payload: sql`json_build_object('request_server_id', ${id}, 'generation', ${generation})`,
    runAt,
    maxAttempts: MAX_ATTEMPTS,
    jobKey: sql`(${SERVER_JOB_KEY_PREFIX}::text || ${id})`,
  });
