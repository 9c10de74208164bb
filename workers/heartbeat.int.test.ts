import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { sql } from "drizzle-orm";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "~/db/client";
import { useFreshDatabase } from "~/db/testing/database";
import { enqueueJob } from "~/server/services/jobs";
import type { AbandonedJob } from "./heartbeat";
import { startWorker } from "./runner";

const HEARTBEAT = { RACKPILOT_WORKER_HEARTBEAT_INTERVAL: "0.5", RACKPILOT_WORKER_HEARTBEAT_EXPIRY: "3" };
let database: Awaited<ReturnType<typeof useFreshDatabase>>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await useFreshDatabase();
  Object.assign(process.env, HEARTBEAT);
});
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await database.drop();
});

/** A real worker process that takes `hold` jobs and never finishes them; resolves with its first job's id. */
async function startHolder(settings: Record<string, string> = {}): Promise<{ child: ChildProcess; heldJob: Promise<string> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "workers/testing/job-holder.ts"], {
    env: { ...process.env, DATABASE_URL: database.url, RACKPILOT_WORKER_CONCURRENCY: "1", ...settings },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  let output = "";
  const heldJob = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const held = /holding (\d+)/.exec(output);
      if (held) resolve(held[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the job holder exited (${code}) before taking a job`)));
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", () => output.includes("ready") && resolve());
    child.once("exit", () => reject(new Error("the job holder did not start")));
  });
  return { child, heldJob };
}

async function heartbeatIds(): Promise<string[]> {
  const rows = await getDb().execute<{ id: string }>(sql`select id from worker_heartbeats order by id`);
  return rows.map((row) => row.id);
}

it("lets a live worker take over, within seconds, the job of a worker killed with SIGKILL", async () => {
  const { child, heldJob } = await startHolder();
  await getDb().transaction((tx) => enqueueJob(tx, "hold", { n: 1 }, { maxAttempts: 3 }));
  const jobId = await heldJob;
  expect(await heartbeatIds()).toHaveLength(1);

  child.kill("SIGKILL");
  await once(child, "exit");
  const killedAt = Date.now();
  let takenOver: (job: string) => void;
  const rerun = new Promise<string>((resolve) => (takenOver = resolve));
  const live: Runner = await startWorker(database.url, { tasks: { hold: async (_payload, helpers) => takenOver(helpers.job.id) } });
  try {
    expect(await rerun).toBe(jobId);
    const seconds = (Date.now() - killedAt) / 1000;
    // Expiry (3 s) plus one beat (0.5 s), with room for a shared CPU; graphile-worker alone waits 4 hours.
    expect(seconds).toBeLessThan(15);
    await live.stop();
    // The dead worker's row is gone; the live one removes its own when it stops.
    expect(await heartbeatIds()).toEqual([]);
  } finally {
    await live.stop().catch(() => undefined);
  }
});

it("frees, with a killed worker's running job, the jobs its local queue had fetched and locked", async () => {
  const { child, heldJob } = await startHolder({ RACKPILOT_WORKER_LOCAL_QUEUE: "4" });
  await getDb().transaction(async (tx) => {
    for (const n of [1, 2, 3]) await enqueueJob(tx, "hold", { queued: n }, { maxAttempts: 3 });
  });
  const running = await heldJob;
  const locked = async () => (await getDb().execute<{ id: string }>(sql`select id from graphile_worker.jobs where task_identifier = 'hold' and locked_by is not null order by id`)).map((row) => row.id);
  // One slot: one job runs, the two others wait in the process's local queue, locked by it.
  const held = await locked();
  expect(held).toHaveLength(3);
  expect(held).toContain(running);

  child.kill("SIGKILL");
  await once(child, "exit");
  const rerun = new Set<string>();
  let allRerun: () => void;
  const done = new Promise<void>((resolve) => (allRerun = resolve));
  const live = await startWorker(database.url, {
    tasks: {
      hold: async (_payload, helpers) => {
        rerun.add(helpers.job.id);
        if (rerun.size === 3) allRerun();
      },
    },
  });
  try {
    await done;
    expect([...rerun].sort()).toEqual([...held].sort());
  } finally {
    await live.stop();
  }
});

it("hands a job whose worker died during its last attempt to the task's handler instead of running it again", async () => {
  const { child, heldJob } = await startHolder();
  await getDb().transaction((tx) => enqueueJob(tx, "hold", { n: 2 }, { maxAttempts: 1, jobKey: "hold:last-chance" }));
  const jobId = await heldJob;
  child.kill("SIGKILL");
  await once(child, "exit");

  const ran: string[] = [];
  let handled: (job: AbandonedJob) => void;
  const abandoned = new Promise<AbandonedJob>((resolve) => (handled = resolve));
  const live = await startWorker(database.url, {
    tasks: { hold: async (_payload, helpers) => void ran.push(helpers.job.id) },
    onExhausted: { hold: async (job) => handled(job) },
  });
  try {
    expect(await abandoned).toEqual({ id: jobId, taskIdentifier: "hold", key: "hold:last-chance", attempts: 1, maxAttempts: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const [job] = await getDb().execute<{ locked_by: string | null }>(sql`select locked_by from graphile_worker.jobs where id = ${jobId}`);
    expect(job!.locked_by).toBeNull();
    expect(ran).toEqual([]);
  } finally {
    await live.stop();
  }
});

it("never frees the job of a live worker, however long it runs", async () => {
  const starts: string[] = [];
  let finish: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const slow = async (_payload: unknown, helpers: { job: { id: string } }) => {
    starts.push(helpers.job.id);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    finish();
  };
  const [first, second] = await Promise.all([startWorker(database.url, { tasks: { slow } }), startWorker(database.url, { tasks: { slow } })]);
  try {
    await getDb().transaction((tx) => enqueueJob(tx, "slow", {}, { maxAttempts: 3 }));
    await finished;
    // Five seconds is past the 3 s expiry: a second start would mean a live worker's lock was freed.
    expect(starts).toHaveLength(1);
  } finally {
    await Promise.all([first.stop(), second.stop()]);
  }
});
