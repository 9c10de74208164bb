import { and, asc, eq, inArray } from "drizzle-orm";
import { servers } from "~/db/schema";
import { fitsInteger, invalidPkMessage } from "~/server/lib/fields";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { descendantIds } from "../pools/hierarchy";
import { findVisiblePool } from "../pools/scope";
import { serverScope } from "../servers/scope";
import { activeRequestsFor } from "./active";

export type TargetServer = { id: number; name: string; protected: boolean };

/** A refusal of the request's body: DRF nests the errors of the `data` object under its name. */
export const dataError = (field: string, message: string) => new ValidationError({ data: { [field]: [message] } });

const named = (server: TargetServer) => `${server.id} (${server.name})`;

/** Named servers the actor can see, in the order given; one they cannot see is refused like a missing one. */
export async function namedServers(ctx: ServiceContext, ids: number[]): Promise<TargetServer[]> {
  const wanted = [...new Set(ids)];
  const lookup = wanted.filter(fitsInteger);
  const rows = lookup.length
    ? await ctx.db
        .select({ id: servers.id, name: servers.name, protected: servers.protected })
        .from(servers)
        .where(and(inArray(servers.id, lookup), serverScope(ctx.actor)))
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = wanted.find((id) => !byId.has(id));
  if (missing !== undefined) throw dataError("servers", invalidPkMessage(missing));
  const protectedOnes = rows.filter((row) => row.protected);
  if (protectedOnes.length) {
    const list = protectedOnes.map(named).join(", ");
    throw dataError("servers", `Protected servers are never updated: ${list}. Clear "protected" on the server first if it really must be updated.`);
  }
  return wanted.map((id) => byId.get(id)!);
}

/** Every unprotected server of a pool the actor can see, sub-pools included. */
export async function poolServers(ctx: ServiceContext, poolId: number): Promise<TargetServer[]> {
  const pool = await findVisiblePool(ctx.db, ctx.actor, poolId);
  if (!pool) throw dataError("pool", invalidPkMessage(poolId));
  const poolIds = [pool.id, ...(await descendantIds(ctx.db, pool.id))];
  const rows = await ctx.db
    .select({ id: servers.id, name: servers.name, protected: servers.protected })
    .from(servers)
    .where(and(inArray(servers.resourcePoolId, poolIds), eq(servers.protected, false), serverScope(ctx.actor)))
    .orderBy(asc(servers.id));
  if (!rows.length) throw dataError("pool", `No unprotected servers found in the pool ${pool.id} (${pool.name}) or its sub-pools.`);
  return rows;
}

/** A server already in an active request cannot join another: 400 naming the request. */
export async function assertNoActiveRequest(ctx: ServiceContext, field: string, targets: TargetServer[]): Promise<void> {
  const active = await activeRequestsFor(
    ctx.db,
    targets.map((server) => server.id),
  );
  const busy = targets.filter((server) => active.has(server.id));
  if (!busy.length) return;
  const list = busy.map((server) => {
    const request = active.get(server.id)!;
    return `server ${named(server)} is in request ${request.id} (${request.type}, ${request.status})`;
  });
  throw dataError(field, `Already in an active request: ${list.join("; ")}. Wait for it to finish or cancel it.`);
}

/** Servers none of the binaries applies to (by manufacturer and model): refused when named. */
export function assertCompatible(incompatible: TargetServer[], what: string): void {
  if (!incompatible.length) return;
  throw dataError("servers", `Not compatible with any firmware in ${what}: ${incompatible.map((server) => `server ${named(server)}`).join(", ")}.`);
}
