import type { ServerRow } from "~/db/schema";
import { fitsInteger } from "~/server/lib/fields";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { readServerDto } from "./dto";
import { findVisibleServer, serverScope } from "./scope";

/** A server the actor may see (optionally row-locked for a write), else 404 whether it exists or not. */
export async function findServerRow(ctx: ServiceContext, id: number, lock?: "update" | "share"): Promise<ServerRow> {
  const row = await findVisibleServer(ctx.db, ctx.actor, id, lock);
  if (!row) throw new NotFoundError("Server");
  return row;
}

export async function getServer({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  const dto = fitsInteger(input.id) ? await readServerDto(ctx.db, input.id, serverScope(ctx.actor)) : undefined;
  if (!dto) throw new NotFoundError("Server");
  return dto;
}
