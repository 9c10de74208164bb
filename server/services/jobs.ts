import { type Placeholder, sql, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";

export type JobOptions = { maxAttempts?: number; jobKey?: string; runAt?: Date };

/** `add_job`'s arguments as it takes them: values, placeholders of a prepared statement, or expressions over the rows of a query. */
type AddJobArgs = { payload: string | SQL; runAt: string | null | Placeholder; maxAttempts: number | null; jobKey: string | null | SQL };

/** The call that enqueues a graphile-worker job; with SQL expressions as arguments, one job per row of the query it is selected from. */
export const addJob = (task: string, args: AddJobArgs): SQL => sql`graphile_worker.add_job(
    ${task}::text,
    ${args.payload}::json,
    run_at => ${args.runAt}::timestamptz,
    max_attempts => ${args.maxAttempts}::int,
    job_key => ${args.jobKey}::text
  )`;

/**
 * Enqueues a graphile-worker job through SQL on the caller's executor, so a request row and its job
 * commit (or roll back) together. Payloads carry ids only; the task re-reads the rows it needs.
 */
export async function enqueueJob(db: DbExecutor, task: string, payload: Record<string, unknown>, options: JobOptions = {}): Promise<void> {
  const args = {
    payload: JSON.stringify(payload),
    runAt: options.runAt?.toISOString() ?? null,
    maxAttempts: options.maxAttempts ?? null,
    jobKey: options.jobKey ?? null,
  };
  await db.execute(sql`select ${addJob(task, args)}`);
  if (options.runAt) wakeWorkerAt(options.runAt);
}

/** Makes the worker fetch due jobs now; `count`: how many came due. */
export type JobWaker = (count: number) => void;

let waker: JobWaker | null = null;
// One timer per 10 ms of due times, counting the jobs due in it.
const wakeups = new Map<number, number>();
const WAKE_SLOT_MS = 10;

/** The worker running in this process (`wakeWorkerAt` calls it), or none. */
export function setJobWaker(next: JobWaker): void {
  waker = next;
}

/** Forgets `gone` if it is still this process's waker (a worker that stopped). */
export function clearJobWaker(gone: JobWaker): void {
  if (waker === gone) waker = null;
}

/**
 * Tells this process's worker that a job queued for later comes due at `runAt`, so that it is fetched then rather than
 * at the worker's next poll: graphile-worker announces a job when it is added, not when it comes due. Only a hint (a
 * job rolled back is looked for in vain; the poll still finds every job, in any process).
 */
export function wakeWorkerAt(runAt: Date): void {
  if (!waker) return;
  const slot = Math.ceil(runAt.getTime() / WAKE_SLOT_MS) * WAKE_SLOT_MS;
  const delayMs = slot - Date.now();
  if (delayMs <= 0) return;
  const due = wakeups.get(slot);
  wakeups.set(slot, (due ?? 0) + 1);
  if (due !== undefined) return;
  setTimeout(() => {
    const count = wakeups.get(slot) ?? 0;
    wakeups.delete(slot);
    waker?.(count);
  }, delayMs).unref();
}
