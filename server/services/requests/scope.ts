import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { requests, requestServers, servers } from "~/db/schema";
import { isStaff, type Actor } from "../context";
import { serverScope } from "../servers/scope";
import { findScopedRow } from "../visible-row";

/**
 * THE access rule for requests, built on the servers' one: staff see every request; anyone else sees
 * the requests they made and those holding a server they can see. Inside a request, they see only the
 * servers `serverScope` lets them see (`visibleRequestServers`).
 */
export function requestScope(actor: Actor): SQL | undefined {
  if (isStaff(actor) || actor.kind !== "user") return undefined;
  const holdsVisibleServer = sql`exists (select 1 from ${requestServers} join ${servers} on ${servers.id} = ${requestServers.serverId}
    where ${requestServers.requestId} = ${requests.id} and ${serverScope(actor)})`;
  return or(eq(requests.createdBy, actor.userId), holdsVisibleServer);
}

/** A request the actor may see, or undefined. */
export async function findVisibleRequest(db: DbExecutor, actor: Actor, id: number, lock?: "update" | "share") {
  return findScopedRow(db, requests, requestScope(actor), id, lock);
}

/** The condition on `request_servers` (joined with `servers`) for the servers of a request the actor sees. */
export function visibleRequestServers(actor: Actor, requestId: number): SQL | undefined {
  return and(eq(requestServers.requestId, requestId), serverScope(actor));
}
