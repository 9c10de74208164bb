import type { RequestRow } from "~/db/schema";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { toRequestDetailDto } from "./dto";
import { findVisibleRequest } from "./scope";

/** A request the actor may see (optionally row-locked), else 404 whether it exists or not. */
export async function findRequestRow(ctx: ServiceContext, id: number, lock?: "update" | "share"): Promise<RequestRow> {
  const row = await findVisibleRequest(ctx.db, ctx.actor, id, lock);
  if (!row) throw new NotFoundError("Request");
  return row;
}

export async function getRequest({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  return toRequestDetailDto(ctx.db, ctx.actor, await findRequestRow(ctx, input.id));
}
