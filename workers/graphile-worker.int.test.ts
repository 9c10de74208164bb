import { makeWorkerUtils, parseCrontab } from "graphile-worker";
import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useFreshDatabase } from "~/db/testing/database";
import { crontab, taskList } from "./task-list";
import { startWorker } from "./runner";

// The parts of graphile-worker's API later work relies on, checked on the pinned version (0.17.3, Node >= 14).
let database: Awaited<ReturnType<typeof useFreshDatabase>>;
beforeAll(async () => {
  database = await useFreshDatabase();
});
afterAll(() => database.drop());

it("addJob takes runAt, jobKey and maxAttempts; a jobKey replaces the pending job; forceUnlockWorkers frees a dead worker's jobs", async () => {
  const utils = await makeWorkerUtils({ connectionString: database.url });
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    const later = new Date(Date.now() + 3600_000);
    await utils.addJob("sweep_incoming", {}, { runAt: later, jobKey: "api-check", maxAttempts: 2 });
    await utils.addJob("sweep_incoming", { again: true }, { runAt: later, jobKey: "api-check", maxAttempts: 3 });
    const jobs = await sql`select id, max_attempts, run_at, key from graphile_worker.jobs where key = 'api-check'`;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ max_attempts: 3, key: "api-check" });
    expect(Math.abs(new Date(jobs[0]!.run_at).getTime() - later.getTime())).toBeLessThan(1000);

    await sql`update graphile_worker._private_jobs set locked_by = 'dead-worker', locked_at = now() where key = 'api-check'`;
    await utils.forceUnlockWorkers(["dead-worker"]);
    const [unlocked] = await sql`select locked_by from graphile_worker.jobs where key = 'api-check'`;
    expect(unlocked!.locked_by).toBeNull();
  } finally {
    await sql.end();
    await utils.release();
  }
});

it("the crontab parses, names only registered tasks, and a runner starts with it", async () => {
  const items = parseCrontab(crontab);
  expect(items.map((item) => item.task).every((task) => task in taskList)).toBe(true);
  const runner = await startWorker(database.url);
  await runner.stop();
});

it("the standard task list runs a job", async () => {
  const runner = await startWorker(database.url);
  const utils = await makeWorkerUtils({ connectionString: database.url });
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    await utils.addJob("sweep_incoming", {}, { jobKey: "run-now" });
    for (let waited = 0; (await sql`select 1 from graphile_worker.jobs where key = 'run-now'`).length; waited += 100) {
      if (waited > 10_000) throw new Error("the job never ran");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await sql.end();
    await utils.release();
    await runner.stop();
  }
});
