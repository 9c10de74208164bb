import { eq } from "drizzle-orm";
import { scanRanges } from "~/db/schema";
import type { ServiceContext } from "../context";
import { requireStaff } from "../permissions";
import { findScanRangeRow } from "./get";

export async function deleteScanRange({ ctx, input }: { ctx: ServiceContext; input: { id: number } }): Promise<void> {
  requireStaff(ctx);
  const row = await findScanRangeRow(ctx, input.id);
  await ctx.db.delete(scanRanges).where(eq(scanRanges.id, row.id));
}
