import type { SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { servers } from "~/db/schema";
import type { Actor } from "../context";
import { pooledScope } from "../pools/scope";
import { findScopedRow } from "../visible-row";

/**
 * THE access rule for servers, which every server query goes through: staff (and system jobs) see
 * every server; anyone else sees the servers in pools of their groups and nothing unassigned.
 */
export function serverScope(actor: Actor): SQL | undefined {
  return pooledScope(actor, servers.resourcePoolId);
}

/** A server the actor may see, or undefined. */
export async function findVisibleServer(db: DbExecutor, actor: Actor, id: number, lock?: "update" | "share") {
  return findScopedRow(db, servers, serverScope(actor), id, lock);
}
