import { and, eq, sql } from "drizzle-orm";
import { getDb, type DbExecutor } from "~/db/client";
import { scanChunks, scanRanges } from "~/db/schema";
import { scanSettings } from "~/server/config";
import { errorSummary } from "~/server/lib/describe-error";
import { Limiter, sweepWidth } from "~/server/sweep/limiter";
import { SweepThread } from "~/server/sweep/thread";
import { recordProbedNodes } from "../nodes/record-probes";
import { finishChunk } from "./finish";
import { OpenPortIdentifier } from "./identify";

const PROGRESS_INTERVAL_MS = 1000;

// One budget of sockets and of probes per process, however many chunks its worker runs at once.
let budgets: { sweeper: SweepThread; probe: Limiter } | undefined;
const processBudgets = () =>
  (budgets ??= { sweeper: new SweepThread(sweepWidth(scanSettings.concurrency)), probe: new Limiter(sweepWidth(scanSettings.probeConcurrency)) });

export type ChunkAttempt = {
  chunkId: number;
  attempt: number;
  maxAttempts: number;
  /** Aborts when the worker shuts down: the attempt ends (and, if it was the last, fails the chunk) while it still can. */
  signal?: AbortSignal;
};

/** Marks the chunk running for a new attempt (progress from zero); null when it has nothing left to do. */
async function claimChunk(db: DbExecutor, chunkId: number) {
  const [claimed] = await db
    .update(scanChunks)
    .set({ status: "running", addressesProbed: 0, nodesFound: 0, error: "", updatedAt: sql`now()` })
    .where(
      and(
        eq(scanChunks.id, chunkId),
        sql`${scanChunks.status} in ('pending', 'running')`,
        sql`exists (select 1 from ${scanRanges} where ${scanRanges.id} = ${scanChunks.scanRangeId} and ${scanRanges.status} = 'scanning')`,
      ),
    )
    .returning();
  return claimed;
}

/**
 * One attempt at one chunk: sweep its addresses × ports, identify each open port, record the nodes
 * and the progress as it goes, then end the chunk. A failure on the last attempt fails the chunk
 * (and so the scan); earlier ones are thrown for graphile-worker to retry.
 */
export async function scanChunk({ chunkId, attempt, maxAttempts, signal }: ChunkAttempt): Promise<void> {
  const db = getDb();
  const chunk = await claimChunk(db, chunkId);
  if (!chunk) return;
  const { sweeper, probe } = processBudgets();
  const identifier = new OpenPortIdentifier(probe, scanSettings.probeTimeoutMs);
  let addressesProbed = 0;
  let nodesFound = 0;
  let saving = Promise.resolve();
  const save = () =>
    (saving = saving.then(async () => {
      const services = identifier.take();
      await recordProbedNodes(db, chunk.scanRangeId, services);
      nodesFound += services.length;
      await db.update(scanChunks).set({ addressesProbed, nodesFound, updatedAt: sql`now()` }).where(and(eq(scanChunks.id, chunkId), eq(scanChunks.status, "running")));
    }));
  const timer = setInterval(() => void save().catch(() => undefined), PROGRESS_INTERVAL_MS);
  try {
    await sweeper.sweep(chunk, {
      connectTimeoutMs: scanSettings.connectTimeoutMs,
      onOpen: (endpoint) => identifier.add(endpoint),
      onAddressesDone: (count) => (addressesProbed += count),
      signal,
    });
    await identifier.drain();
    signal?.throwIfAborted();
    clearInterval(timer);
    await save();
    await finishChunk(db, chunkId, { status: "done" });
  } catch (error) {
    clearInterval(timer);
    if (attempt >= maxAttempts) await finishChunk(db, chunkId, { status: "failed", error: errorSummary(error) });
    throw error;
  }
}

/** The chunk's worker died during its last attempt (see workers/heartbeat.ts): the scan must not wait for it. */
export async function failAbandonedChunk(chunkId: number, attempts: number): Promise<void> {
  await finishChunk(getDb(), chunkId, { status: "failed", error: `the worker scanning it stopped during each of its ${attempts} attempts` });
}
