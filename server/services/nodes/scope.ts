import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { nodes, servers } from "~/db/schema";
import { fitsInteger } from "~/server/lib/fields";
import { isStaff, type Actor } from "../context";
import { serverScope } from "../servers/scope";

/**
 * The one access rule for nodes: staff (and system jobs) see every node; anyone else sees a node
 * only through a server they may see (so never one that manages none of their servers).
 */
export function nodeScope(actor: Actor): SQL | undefined {
  if (isStaff(actor) || actor.kind !== "user") return undefined;
  return inArray(nodes.id, sql`(select ${servers.nodeId} from ${servers} where ${servers.nodeId} is not null and ${serverScope(actor)})`);
}

/** A node the actor may see, or undefined (ids beyond Postgres' integer range name no row). */
export async function findVisibleNode(db: DbExecutor, actor: Actor, id: number, lock?: "update") {
  if (!fitsInteger(id)) return undefined;
  const query = db.select().from(nodes).where(and(eq(nodes.id, id), nodeScope(actor)));
  const [row] = await (lock ? query.for(lock) : query);
  return row;
}
