import type { NodeRow } from "~/db/schema";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { toNodeDto } from "./dto";
import { findVisibleNode } from "./scope";

/** A node the actor may see (optionally row-locked for a write), else 404 whether it exists or not. */
export async function findNodeRow(ctx: ServiceContext, id: number, lock?: "update"): Promise<NodeRow> {
  const row = await findVisibleNode(ctx.db, ctx.actor, id, lock);
  if (!row) throw new NotFoundError("Node");
  return row;
}

export async function getNode({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  return toNodeDto(ctx.db, ctx.actor, await findNodeRow(ctx, input.id));
}
