import { eq } from "drizzle-orm";
import { firmwareBaselines } from "~/db/schema";
import type { ServiceContext } from "../context";
import { findBaselineRow } from "./get";
import { assertCanChangeBaseline } from "./permissions";

/** Removes the grouping only: the binaries stay in the catalog. */
export async function deleteBaseline({ ctx, input }: { ctx: ServiceContext; input: { id: number } }): Promise<void> {
  const row = await findBaselineRow(ctx, input.id);
  assertCanChangeBaseline(ctx, row);
  await ctx.db.delete(firmwareBaselines).where(eq(firmwareBaselines.id, row.id));
}
