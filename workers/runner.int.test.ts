import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "~/db/client";
import { useFreshDatabase } from "~/db/testing/database";
import { enqueueJob } from "~/server/services/jobs";
import { startWorker } from "./runner";

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
beforeAll(async () => {
  database = await useFreshDatabase();
});
afterAll(() => database.drop());

it("runs jobs committed with their transaction and never those rolled back", async () => {
  const seen: unknown[] = [];
  let resolveSeen: () => void;
  const ran = new Promise<void>((resolve) => (resolveSeen = resolve));
  const runner = await startWorker(database.url, {
    tasks: {
      record: async (payload) => {
        seen.push(payload);
        resolveSeen();
      },
    },
  });
  try {
    await getDb()
      .transaction(async (tx) => {
        await enqueueJob(tx, "record", { id: "rolled-back" });
        throw new Error("abort");
      })
      .catch(() => undefined);
    await getDb().transaction((tx) => enqueueJob(tx, "record", { id: "committed" }, { maxAttempts: 1 }));
    await ran;
    // Give a wrongly-enqueued rolled-back job the chance to run too.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(seen).toEqual([{ id: "committed" }]);
  } finally {
    await runner.stop();
  }
});

it("pins graphile-worker's add_jobs to generic plans at every start, and jobs are still added and run", async () => {
  const proconfig = async () => {
    const [row] = await getDb().execute<{ proconfig: string[] | null }>(
      sql`select proconfig from pg_proc where oid = 'graphile_worker.add_jobs(graphile_worker.job_spec[], boolean)'::regprocedure`,
    );
    return row!.proconfig;
  };
  const ran: unknown[] = [];
  const first = await startWorker(database.url, { tasks: { record: async (payload) => void ran.push(payload) } });
  await first.stop();
  expect(await proconfig()).toEqual(["plan_cache_mode=force_generic_plan"]);
  // As after a graphile-worker upgrade that replaces the function: the next start pins it again.
  await getDb().execute(sql`alter function graphile_worker.add_jobs(graphile_worker.job_spec[], boolean) reset all`);
  expect(await proconfig()).toBeNull();
  const second = await startWorker(database.url, { tasks: { record: async (payload) => void ran.push(payload) } });
  try {
    expect(await proconfig()).toEqual(["plan_cache_mode=force_generic_plan"]);
    await getDb().transaction((tx) => enqueueJob(tx, "record", { id: "pinned" }, { maxAttempts: 1 }));
    await expect.poll(() => ran, { timeout: 10_000 }).toEqual([{ id: "pinned" }]);
  } finally {
    await second.stop();
  }
});

it("fetches and completes jobs on connections whose commits do not wait for the WAL flush", async () => {
  const settings: string[] = [];
  const runner = await startWorker(database.url, {
    tasks: {
      // graphile-worker's helpers query through the runner's own pool.
      probe: async (_payload, helpers) => {
        const { rows } = await helpers.query<{ commit: string }>("select current_setting('synchronous_commit') as commit");
        settings.push(rows[0]!.commit);
      },
    },
  });
  try {
    await getDb().transaction((tx) => enqueueJob(tx, "probe", {}, { maxAttempts: 1 }));
    await expect.poll(() => settings, { timeout: 10_000 }).toEqual(["off"]);
    // The application's own pool keeps flushed commits.
    const [own] = await getDb().execute<{ commit: string }>(sql`select current_setting('synchronous_commit') as commit`);
    expect(own!.commit).toBe("on");
  } finally {
    await runner.stop();
  }
});
