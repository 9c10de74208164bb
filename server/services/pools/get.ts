import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { toPoolDto, type PoolRow } from "./dto";
import { findVisiblePool } from "./scope";

/** A pool the actor may see (optionally row-locked for a write), else 404 whether it exists or not. */
export async function findPoolRow(ctx: ServiceContext, id: number, lock?: "update" | "share"): Promise<PoolRow> {
  const row = await findVisiblePool(ctx.db, ctx.actor, id, lock);
  if (!row) throw new NotFoundError("Pool");
  return row;
}

export async function getPool({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  return toPoolDto(ctx.db, ctx.actor, await findPoolRow(ctx, input.id));
}
