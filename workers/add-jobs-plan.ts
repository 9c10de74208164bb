import { makeWorkerUtils } from "graphile-worker";

const ADD_JOBS = "graphile_worker.add_jobs(graphile_worker.job_spec[], boolean)";
const GENERIC_PLANS = "plan_cache_mode=force_generic_plan";

/**
 * Pins graphile-worker's `add_jobs` (behind every `add_job`) to generic plans. Left alone, PostgreSQL plans its
 * statements anew on each call: its array argument makes the generic plan look costlier than a custom one, so the
 * plan cache never switches. A remediation hands each server over to a new job 7-8 times; pinned, a hand-over's
 * `add_job` took 0.87 ms of PostgreSQL time instead of 1.58 ms (`pg_stat_statements`, 1,000-server bench).
 * Checked at every start: a graphile-worker upgrade that replaces the function drops the setting. A database role
 * that may not alter the function (it does not own graphile-worker's schema) leaves it as it is.
 */
export async function pinAddJobsToGenericPlans(connectionString: string, log: (message: string) => void): Promise<void> {
  const utils = await makeWorkerUtils({ connectionString });
  try {
    await utils.withPgClient(async (client) => {
      const { rows } = await client.query<{ pinned: boolean }>(
        "select coalesce($1 = any(proconfig), false) as pinned from pg_proc where oid = $2::regprocedure",
        [GENERIC_PLANS, ADD_JOBS],
      );
      if (!rows[0]?.pinned) await client.query(`alter function ${ADD_JOBS} set plan_cache_mode = force_generic_plan`);
    });
  } catch (error) {
    log(`graphile-worker's add_jobs keeps PostgreSQL's default planning: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await utils.release();
  }
}
