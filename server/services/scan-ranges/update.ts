import { eq, sql } from "drizzle-orm";
import { scanRanges } from "~/db/schema";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { requireStaff } from "../permissions";
import { toScanRangeDto } from "./dto";
import { findScanRangeRow } from "./get";
import type { ScanRangeUpdateInput } from "./schemas";
import { assertScanRangeValid, isNameTaken, NAME_TAKEN } from "./validate";

/** PUT and PATCH alike change only the sent fields; the range is re-checked as a whole. */
export async function updateScanRange({ ctx, input }: { ctx: ServiceContext; input: ScanRangeUpdateInput }) {
  requireStaff(ctx);
  const current = await findScanRangeRow(ctx, input.id);
  const values = {
    name: input.name ?? current.name,
    ip_from: input.ip_from ?? current.ipFrom,
    ip_to: input.ip_to ?? current.ipTo,
    ports: input.ports ?? current.ports,
  };
  await assertScanRangeValid(ctx, values, current.id);
  try {
    const [row] = await ctx.db
      .update(scanRanges)
      .set({ name: values.name, ipFrom: values.ip_from, ipTo: values.ip_to, ports: values.ports, updatedAt: sql`clock_timestamp()` })
      .where(eq(scanRanges.id, current.id))
      .returning();
    return toScanRangeDto(ctx.db, row!);
  } catch (error) {
    if (isNameTaken(error)) throw ValidationError.field("name", NAME_TAKEN);
    throw error;
  }
}
