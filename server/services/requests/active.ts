import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { requests, requestServers, type RequestStatus } from "~/db/schema";

/** A request still queued or at work: its servers must stay where they are. */
export const ACTIVE_REQUEST_STATUSES = ["pending", "running"] as const satisfies readonly RequestStatus[];

export type ActiveRequest = { id: number; type: string; status: RequestStatus };

/**
 * The active request each of these servers is part of (the oldest, when several are), keyed by server
 * id; servers in none are absent. THE check before moving, unassigning or forgetting a server, and
 * before starting new work on it.
 */
export async function activeRequestsFor(db: DbExecutor, serverIds: number[]): Promise<Map<number, ActiveRequest>> {
  if (!serverIds.length) return new Map();
  const rows = await db
    .select({ serverId: requestServers.serverId, id: requests.id, type: requests.type, status: requests.status })
    .from(requestServers)
    .innerJoin(requests, eq(requests.id, requestServers.requestId))
    .where(and(inArray(requestServers.serverId, serverIds), inArray(requests.status, [...ACTIVE_REQUEST_STATUSES])))
    .orderBy(asc(requests.id));
  const active = new Map<number, ActiveRequest>();
  for (const row of rows) {
    if (!active.has(row.serverId)) active.set(row.serverId, { id: row.id, type: row.type, status: row.status as RequestStatus });
  }
  return active;
}

/** Why a server cannot be moved right now, in words a person can act on. */
export function activeRequestReason(request: ActiveRequest): string {
  return `The server is part of request ${request.id} (${request.type}, ${request.status}): wait for it to finish or cancel it.`;
}
