import type { ServerRow } from "~/db/schema";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { toServerDto } from "./dto";
import { findVisibleServer } from "./scope";

/** A server the actor may see (optionally row-locked for a write), else 404 whether it exists or not. */
export async function findServerRow(ctx: ServiceContext, id: number, lock?: "update" | "share"): Promise<ServerRow> {
  const row = await findVisibleServer(ctx.db, ctx.actor, id, lock);
  if (!row) throw new NotFoundError("Server");
  return row;
}

export async function getServer({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  return toServerDto(ctx.db, await findServerRow(ctx, input.id));
}
