import type { DbExecutor } from "~/db/client";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { addJob, addJobValues, enqueueJob, preparedAddJobCall } from "../jobs";

/** Begins, advances and ends a request (one job at a time per request: its key). */
export const REMEDIATION_REQUEST_TASK = "remediation_request";
/** Runs one server's steps until it must wait, then hands over to a job of the next generation. */
export const REMEDIATION_SERVER_TASK = "remediation_server";

export const requestJobKey = (requestId: number) => `remediation:request:${requestId}`;
const SERVER_JOB_KEY_PREFIX = "remediation:server:";
export const serverJobKey = (requestServerId: number) => `${SERVER_JOB_KEY_PREFIX}${requestServerId}`;

/** The request-server a server job's key names (for the exhausted-job handler). */
export function requestServerOfJobKey(key: string | null): number | null {
  const match = /^remediation:server:(\d+)$/.exec(key ?? "");
  return match ? Number(match[1]) : null;
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

const serverJob = (requestServerId: number, generation: number, runAt?: Date) =>
  [REMEDIATION_SERVER_TASK, { request_server_id: requestServerId, generation }, { jobKey: serverJobKey(requestServerId), maxAttempts: MAX_ATTEMPTS, runAt }] as const;

/** A server's job, as an expression over a query's rows (a request-server's `id` and its bumped `generation`): one job per row. */
export const serverJobCallPerRow = (id: SQLWrapper, generation: SQLWrapper): SQL =>
  addJob(REMEDIATION_SERVER_TASK, {
    payload: sql`json_build_object('request_server_id', ${id}, 'generation', ${generation})`,
    runAt: null,
    maxAttempts: MAX_ATTEMPTS,
    jobKey: sql`(${SERVER_JOB_KEY_PREFIX}::text || ${id})`,
  });

/** A server's job with placeholders, for a prepared statement that also bumps the generation (values: `serverJobValues`). */
export const preparedServerJobCall = (): SQL => preparedAddJobCall(REMEDIATION_SERVER_TASK);

export function serverJobValues(requestServerId: number, generation: number, runAt: Date) {
  const [, payload, options] = serverJob(requestServerId, generation, runAt);
  return addJobValues(payload, options);
}
