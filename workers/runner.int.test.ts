import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { getDb } from "~/db/client";
import { useFreshDatabase } from "~/db/testing/database";
import { enqueueJob } from "~/server/services/jobs";
import { startWorker } from "./runner";

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
beforeAll(async () => {
  database = await useFreshDatabase();
});
afterAll(() => database.drop());
afterEach(() => vi.unstubAllEnvs());

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

it("fetches a job this process queued for later when it comes due, not at the next poll", async () => {
  const ran: { id: string; at: number }[] = [];
  vi.stubEnv("RACKPILOT_WORKER_POLL_INTERVAL", "30");
  const runner = await startWorker(database.url, { tasks: { record: async (payload) => void ran.push({ ...(payload as { id: string }), at: Date.now() }) } });
  try {
    const queuedAt = Date.now();
    // Queued through enqueueJob: this process's worker is woken at run_at. Added by plain SQL and due a second later: only a poll finds it.
    await getDb().transaction((tx) => enqueueJob(tx, "record", { id: "woken" }, { maxAttempts: 1, runAt: new Date(queuedAt + 500) }));
    await getDb().execute(sql`select graphile_worker.add_job('record', '{"id":"polled"}'::json, run_at => now() + interval '1.5 seconds', max_attempts => 1)`);
    await expect.poll(() => ran.map((job) => job.id), { timeout: 10_000 }).toEqual(["woken"]);
    expect(ran[0]!.at - queuedAt).toBeGreaterThanOrEqual(500);
    // The second job came due 1.5 s after it was queued and the poll is 30 s away: it waits for it.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(ran.map((job) => job.id)).toEqual(["woken"]);
  } finally {
    await runner.stop();
  }
});

it("with the shipped settings, runs 64 jobs at once and, while idle, asks the database for jobs once per poll interval", async () => {
  vi.stubEnv("RACKPILOT_WORKER_CONCURRENCY", undefined);
  vi.stubEnv("RACKPILOT_WORKER_LOCAL_QUEUE", undefined);
  vi.stubEnv("RACKPILOT_WORKER_POLL_INTERVAL", undefined);
  let running = 0;
  let mostRunning = 0;
  let finished = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  // Each job waits as a remediation step waits on its BMC's answers: holding its slot, not the CPU.
  const runner = await startWorker(database.url, {
    tasks: {
      hold: async () => {
        mostRunning = Math.max(mostRunning, ++running);
        await released;
        running--;
        finished++;
      },
    },
  });
  // An empty fetch by an idle slot (no local queue), or one fetch by the local queue for all of them.
  let fetches = 0;
  runner.events.on("worker:getJob:empty", () => fetches++);
  runner.events.on("localQueue:getJobs:complete", () => fetches++);
  try {
    await getDb().transaction(async (tx) => {
      for (let job = 0; job < 72; job++) await enqueueJob(tx, "hold", { job }, { maxAttempts: 1 });
    });
    await expect.poll(() => running, { timeout: 10_000 }).toBe(64);
    // The other 8 wait for a free slot.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mostRunning).toBe(64);
    release();
    await expect.poll(() => finished, { timeout: 10_000 }).toBe(72);
    await new Promise((resolve) => setTimeout(resolve, 500));
    fetches = 0;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    // 3 s at the default 1 s poll interval: about 3 fetches, where 64 slots polling each by itself would make about 192.
    expect(fetches).toBeGreaterThanOrEqual(2);
    expect(fetches).toBeLessThanOrEqual(5);
  } finally {
    release();
    await runner.stop();
  }
});
