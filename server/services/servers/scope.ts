import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { pools, servers } from "~/db/schema";
import { fitsInteger } from "~/server/lib/fields";
import { isStaff, type Actor } from "../context";

/**
 * The one access rule for servers: staff (and system jobs) see every server; anyone else sees the
 * servers in pools of their groups (a sub-pool always shares its parent's group) and nothing unassigned.
 */
export function serverScope(actor: Actor): SQL | undefined {
  if (isStaff(actor) || actor.kind !== "user") return undefined;
  if (!actor.groupIds.length) return sql`false`;
  return inArray(servers.resourcePoolId, sql`(select ${pools.id} from ${pools} where ${inArray(pools.groupId, actor.groupIds)})`);
}

/** A server the actor may see, or undefined (ids beyond Postgres' integer range name no row). */
export async function findVisibleServer(db: DbExecutor, actor: Actor, id: number, lock?: "update" | "share") {
  if (!fitsInteger(id)) return undefined;
  const query = db.select().from(servers).where(and(eq(servers.id, id), serverScope(actor)));
  const [row] = await (lock ? query.for(lock) : query);
  return row;
}
