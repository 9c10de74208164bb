import { eq, sql } from "drizzle-orm";
import { authProfiles } from "~/db/schema";
import type { ServiceContext } from "../context";
import { requireStaff } from "../permissions";
import { toAuthProfileDto } from "./dto";
import { findAuthProfileRow } from "./get";
import type { AuthProfileUpdateInput } from "./schemas";

export async function updateAuthProfile({ ctx, input }: { ctx: ServiceContext; input: AuthProfileUpdateInput }) {
  requireStaff(ctx);
  const current = await findAuthProfileRow(ctx, input.id);
  const [row] = await ctx.db
    .update(authProfiles)
    .set({ nodeClassification: input.node_classification, bmc: input.bmc, updatedAt: sql`clock_timestamp()` })
    .where(eq(authProfiles.id, current.id))
    .returning();
  return toAuthProfileDto(ctx.db, row!);
}
