import { eq } from "drizzle-orm";
import { authProfiles } from "~/db/schema";
import type { ServiceContext } from "../context";
import { requireStaff } from "../permissions";
import { findAuthProfileRow } from "./get";

/** Its credentials go with it (the foreign key cascades). */
export async function deleteAuthProfile({ ctx, input }: { ctx: ServiceContext; input: { id: number } }): Promise<void> {
  requireStaff(ctx);
  const row = await findAuthProfileRow(ctx, input.id);
  await ctx.db.delete(authProfiles).where(eq(authProfiles.id, row.id));
}
