import { and, inArray } from "drizzle-orm";
import { servers } from "~/db/schema";
import type { ServiceContext } from "../context";
import { assignToPool, byMemberId, removeFromPools, type Member, type Resolver } from "../pools/membership";
import { activeRequestReason, activeRequestsFor } from "../requests";
import { serverScope } from "./scope";

const serverMember = (ctx: ServiceContext) => ({ table: servers, key: "server", scope: serverScope(ctx.actor) }) satisfies Member;

/** MOJO resolves both: an id is a server's when one has it, else a node's (BMC's), standing for every server it manages. */
function serverOrNodeIds(ctx: ServiceContext): Resolver {
  const byServerId = byMemberId(serverMember(ctx));
  return async (db, ids) => {
    const resolved = await byServerId(db, ids);
    const nodeIds = ids.filter((id) => !resolved.has(id));
    if (!nodeIds.length) return resolved;
    const managed = await db
      .select({ id: servers.id, nodeId: servers.nodeId })
      .from(servers)
      .where(and(inArray(servers.nodeId, nodeIds), serverScope(ctx.actor)))
      .orderBy(servers.id);
    for (const row of managed) resolved.set(row.nodeId!, [...(resolved.get(row.nodeId!) ?? []), row.id]);
    return resolved;
  };
}

/** `POST /api/pool/{id}/assign_servers/`: server or node ids, each reported as assigned, already in a pool, or not found. */
export async function assignServers({ ctx, input }: { ctx: ServiceContext; input: { id: number; servers: number[] } }) {
  return assignToPool(ctx, serverMember(ctx), input.id, input.servers, serverOrNodeIds(ctx));
}

/** `POST /api/server/remove_from_pool/`: servers in an active request stay where they are, each with the reason. */
export async function removeServersFromPool({ ctx, input }: { ctx: ServiceContext; input: { servers: number[] } }) {
  return removeFromPools(ctx, serverMember(ctx), input.servers, async (db, ids) => {
    const active = await activeRequestsFor(db, ids);
    return new Map([...active].map(([id, request]) => [id, activeRequestReason(request)]));
  });
}
