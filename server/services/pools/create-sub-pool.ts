import type { ServiceContext } from "../context";
import { createPool } from "./create";
import { findPoolRow } from "./get";
import type { SubPoolCreateInput } from "./schemas";

/** `POST /api/pool/{id}/create_sub_pool/`: a new pool under `id`, in its group; 404 for a pool the actor cannot see. */
export async function createSubPool({ ctx, input }: { ctx: ServiceContext; input: SubPoolCreateInput }) {
  const parent = await findPoolRow(ctx, input.id);
  return createPool({ ctx, input: { name: input.name, description: input.description, parent: parent.id } });
}
