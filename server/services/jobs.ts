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
}
