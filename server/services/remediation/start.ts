import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { requests, requestServers } from "~/db/schema";
import { ACTIVE_REQUEST_STATUSES } from "../requests/active";
import { enqueueRequestJob } from "./jobs";

/**
 * Called by the API in the transaction that inserted the request (status `pending`) and its
 * `request_servers` rows: enqueues the job that plans and starts it, so both commit together.
 */
export async function startRemediation(db: DbExecutor, requestId: number): Promise<void> {
  await enqueueRequestJob(db, requestId);
}

/**
 * Marks an active request to be cancelled: servers not started yet are cancelled at once; servers at
 * work finish the flash a BMC already accepted (and its restart and confirmation), start nothing new
 * and end `cancelled`; then the request ends `cancelled`. Cancelling twice, or a finished request, changes nothing.
 */
export async function requestCancel(db: DbExecutor, requestId: number): Promise<void> {
  const marked = await db
    .update(requests)
    .set({ cancelRequestedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(requests.id, requestId), inArray(requests.status, [...ACTIVE_REQUEST_STATUSES]), isNull(requests.cancelRequestedAt)))
    .returning({ id: requests.id });
  if (!marked.length) return;
  await db
    .update(requestServers)
    .set({ status: "cancelled", message: "The request was cancelled before this server started.", finishedAt: sql`now()` })
    .where(and(eq(requestServers.requestId, requestId), eq(requestServers.status, "pending")));
  // The request's job ends it once no server is at work (or begins-and-ends a request still pending).
  await enqueueRequestJob(db, requestId);
}
