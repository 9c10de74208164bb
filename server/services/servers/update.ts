import { eq, sql } from "drizzle-orm";
import { servers, type ServerRow } from "~/db/schema";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { requireStaff } from "../permissions";
import { lockTargetPool } from "../pools/membership";
import { activeRequestReason, activeRequestsFor } from "../requests";
import { readServerDto } from "./dto";
import { findServerRow } from "./get";
import { SERVER_WRITE_DEFAULTS, type ServerUpdateInput } from "./schemas";

/**
 * PATCH changes the sent fields; PUT (`replace`) also resets every writable field it omits. Members
 * of the pool's group may rename, describe, tag and protect its servers; moving a server between
 * pools is staff work, refused while the server is in an active request.
 */
export async function updateServer({ ctx, input, replace = false }: { ctx: ServiceContext; input: ServerUpdateInput; replace?: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const current = await findServerRow(scoped, input.id, "update");
    const wanted = replace ? { ...SERVER_WRITE_DEFAULTS, ...input } : input;
    const poolId = wanted.resource_pool === undefined || wanted.resource_pool === current.resourcePoolId ? undefined : wanted.resource_pool;
    if (poolId !== undefined) await assertMovable(scoped, current, poolId);
    const renamed = wanted.name !== undefined && wanted.name !== current.name;
    await tx
      .update(servers)
      .set({
        name: wanted.name,
        nameSetByOperator: renamed ? true : undefined,
        resourcePoolId: poolId,
        protected: wanted.protected,
        description: wanted.description,
        tags: wanted.tags && [...new Set(wanted.tags)],
        updatedAt: sql`clock_timestamp()`,
      })
      .where(eq(servers.id, current.id));
    return (await readServerDto(tx, current.id))!;
  });
}

async function assertMovable(ctx: ServiceContext, server: ServerRow, poolId: number | null): Promise<void> {
  requireStaff(ctx);
  if (poolId !== null) await lockTargetPool(ctx, poolId);
  const active = (await activeRequestsFor(ctx.db, [server.id])).get(server.id);
  if (active) throw ValidationError.field("resource_pool", activeRequestReason(active));
}
