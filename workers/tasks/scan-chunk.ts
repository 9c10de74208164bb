import type { Task } from "graphile-worker";
import { z } from "zod";
import { chunkIdOfJobKey } from "~/server/services/scans";
import { failAbandonedChunk, scanChunk } from "~/server/services/scans/run-chunk";
import type { AbandonedJob } from "../heartbeat";

const payloadSchema = z.object({ chunk_id: z.number().int().positive() });

/** Sweeps and identifies one chunk of a scan range (see server/services/scans). */
export const scanChunkTask: Task = async (payload, helpers) => {
  const { chunk_id } = payloadSchema.parse(payload);
  await scanChunk({ chunkId: chunk_id, attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts, signal: helpers.abortSignal });
};

export async function scanChunkAbandoned(job: AbandonedJob): Promise<void> {
  const chunkId = chunkIdOfJobKey(job.key);
  if (chunkId !== null) await failAbandonedChunk(chunkId, job.attempts);
}
