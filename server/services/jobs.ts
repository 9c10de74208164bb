import { sql, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";

export type JobOptions = { maxAttempts?: number; jobKey?: string; runAt?: Date };

/** The call that enqueues a graphile-worker job, for a statement that does more (see `enqueueJob`). */
export function addJobCall(task: string, payload: Record<string, unknown>, options: JobOptions = {}): SQL {
  return sql`graphile_worker.add_job(
    ${task}::text,
    ${JSON.stringify(payload)}::json,
    run_at => ${options.runAt?.toISOString() ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? null}::int,
    job_key => ${options.jobKey ?? null}::text
  )`;
}

/**
 * Enqueues a graphile-worker job through SQL on the caller's executor, so a request row and its job
 * commit (or roll back) together. Payloads carry ids only; the task re-reads the rows it needs.
 */
export async function enqueueJob(db: DbExecutor, task: string, payload: Record<string, unknown>, options: JobOptions = {}): Promise<void> {
  await db.execute(sql`select ${addJobCall(task, payload, options)}`);
}
