import { getDb } from "~/db/client";
import { advanceRequestInTransaction, beginRequest } from "./coordinator";
import { requestOfJobKey, requestServerOfJobKey } from "./jobs";
import { failAbandonedServer } from "./persist";
import { runServerJob } from "./run-server";

/** The request's job: begins a pending request, or advances a running one (after a cancel). */
export async function runRequestJob(requestId: number): Promise<void> {
  const db = getDb();
  await beginRequest(db, requestId);
  await advanceRequestInTransaction(db, requestId);
}

export type ServerJobAttempt = { requestServerId: number; generation: number; attempt: number; maxAttempts: number; signal: AbortSignal };

/** A server's job; on its last attempt an unexpected error fails the server instead of leaving it running forever. */
export async function runServerAttempt({ requestServerId, generation, attempt, maxAttempts, signal }: ServerJobAttempt): Promise<void> {
  try {
    await runServerJob(requestServerId, generation, signal);
  } catch (error) {
    if (attempt >= maxAttempts) await failAbandonedServer(getDb(), requestServerId, `The engine gave up after ${attempt} attempts: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

/** A server job whose worker died during its last attempt: the server fails, the request goes on. */
export async function serverJobAbandoned(key: string | null, attempts: number): Promise<void> {
  const requestServerId = requestServerOfJobKey(key);
  if (requestServerId !== null) await failAbandonedServer(getDb(), requestServerId, `The worker running this server died ${attempts} times: gave up.`);
}

/** A request job whose worker died during its last attempt: run it once more inline (it is idempotent). */
export async function requestJobAbandoned(key: string | null): Promise<void> {
  const requestId = requestOfJobKey(key);
  if (requestId !== null) await runRequestJob(requestId);
}
