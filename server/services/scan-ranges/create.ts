import { scanRanges } from "~/db/schema";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { requireStaff } from "../permissions";
import { toScanRangeDto } from "./dto";
import type { ScanRangeCreateInput } from "./schemas";
import { assertScanRangeValid, isNameTaken, NAME_TAKEN } from "./validate";

export const DEFAULT_PORTS = [443];

/** Staff only: a scan range points discovery at a network. */
export async function createScanRange({ ctx, input }: { ctx: ServiceContext; input: ScanRangeCreateInput }) {
  requireStaff(ctx);
  const values = { ...input, ports: input.ports ?? DEFAULT_PORTS };
  await assertScanRangeValid(ctx, values);
  try {
    const [row] = await ctx.db
      .insert(scanRanges)
      .values({ name: values.name, ipFrom: values.ip_from, ipTo: values.ip_to, ports: values.ports })
      .returning();
    return toScanRangeDto(ctx.db, row!);
  } catch (error) {
    if (isNameTaken(error)) throw ValidationError.field("name", NAME_TAKEN);
    throw error;
  }
}
