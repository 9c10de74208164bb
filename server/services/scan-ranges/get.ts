import { eq } from "drizzle-orm";
import { scanRanges } from "~/db/schema";
import { fitsInteger } from "~/server/lib/fields";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { toScanRangeDto, type ScanRangeRow } from "./dto";

export async function findScanRangeRow(ctx: ServiceContext, id: number): Promise<ScanRangeRow> {
  if (!fitsInteger(id)) throw new NotFoundError("ScanRange");
  const [row] = await ctx.db.select().from(scanRanges).where(eq(scanRanges.id, id));
  if (!row) throw new NotFoundError("ScanRange");
  return row;
}

export async function getScanRange({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  return toScanRangeDto(ctx.db, await findScanRangeRow(ctx, input.id));
}
