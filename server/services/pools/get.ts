import { fitsInteger } from "~/server/lib/fields";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { readPoolDto, type PoolRow } from "./dto";
import { findVisiblePool, poolScope } from "./scope";

/** A pool the actor may see (optionally row-locked for a write), else 404 whether it exists or not. */
export async function findPoolRow(ctx: ServiceContext, id: number, lock?: "update" | "share"): Promise<PoolRow> {
  const row = await findVisiblePool(ctx.db, ctx.actor, id, lock);
  if (!row) throw new NotFoundError("Pool");
  return row;
}

export async function getPool({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  const dto = fitsInteger(input.id) ? await readPoolDto(ctx.db, input.id, poolScope(ctx.actor)) : undefined;
  if (!dto) throw new NotFoundError("Pool");
  return dto;
}
