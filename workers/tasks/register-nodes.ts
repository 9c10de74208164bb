import type { Task } from "graphile-worker";
import { z } from "zod";
import { chunkOfJobKey, failAbandonedChunk, registerChunk } from "~/server/services/registrations";
import type { AbandonedJob } from "../heartbeat";

const payloadSchema = z.object({ batch_id: z.number().int().positive(), chunk: z.number().int().nonnegative() });

/** Registers one chunk of a bulk registration (see server/services/registrations). */
export const registerNodesTask: Task = async (payload, helpers) => {
  const { batch_id, chunk } = payloadSchema.parse(payload);
  await registerChunk({ batchId: batch_id, chunk, attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts, signal: helpers.abortSignal });
};

export async function registerNodesAbandoned(job: AbandonedJob): Promise<void> {
  const subject = chunkOfJobKey(job.key);
  if (subject) await failAbandonedChunk(subject.batchId, subject.chunk, job.attempts);
}
