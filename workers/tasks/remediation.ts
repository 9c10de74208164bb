import type { Task } from "graphile-worker";
import { z } from "zod";
import { requestJobAbandoned, runRequestJob, runServerAttempt, serverJobAbandoned } from "~/server/services/remediation/tasks";
import type { AbandonedJob } from "../heartbeat";

const requestPayload = z.object({ request_id: z.number().int().positive() });
const serverPayload = z.object({ request_server_id: z.number().int().positive(), generation: z.number().int().nonnegative() });

/** Begins or advances a remediation request (see server/services/remediation). */
export const remediationRequestTask: Task = async (payload) => {
  await runRequestJob(requestPayload.parse(payload).request_id);
};

/** Runs one server's remediation steps until it must wait or ends. */
export const remediationServerTask: Task = async (payload, helpers) => {
  const { request_server_id, generation } = serverPayload.parse(payload);
  await runServerAttempt({ requestServerId: request_server_id, generation, attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts, signal: helpers.abortSignal ?? new AbortController().signal });
};

export const remediationServerAbandoned = (job: AbandonedJob) => serverJobAbandoned(job.key, job.attempts);
export const remediationRequestAbandoned = (job: AbandonedJob) => requestJobAbandoned(job.key);
