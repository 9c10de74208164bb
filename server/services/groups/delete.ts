import { eq } from "drizzle-orm";
import { groups } from "~/db/schema";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { requireStaff } from "../permissions";
import { DEFAULT_GROUP_ID } from "./default-group";
import { findGroupRow } from "./get";

export async function deleteGroup({ ctx, input }: { ctx: ServiceContext; input: { id: number } }): Promise<void> {
  requireStaff(ctx);
  const row = await findGroupRow(ctx, input.id);
  if (row.id === DEFAULT_GROUP_ID) throw ValidationError.field("non_field_errors", "The default group cannot be deleted.");
  await ctx.db.delete(groups).where(eq(groups.id, row.id));
}
