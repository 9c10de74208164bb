import { and, eq, ne } from "drizzle-orm";
import { scanRanges } from "~/db/schema";
import { isUniqueViolation } from "~/server/lib/db-errors";
import { ipv4ToNumber } from "~/server/lib/ipv4";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";

export const MAX_ADDRESSES = 65_536;
export const NAME_TAKEN = "scan range with this name already exists.";

/** Two writers racing for one name: the database's unique constraint stops the second. */
export const isNameTaken = (error: unknown) => isUniqueViolation(error, "scan_ranges_name_unique");

export type ScanRangeValues = { name: string; ip_from: string; ip_to: string; ports: number[] };

/** Port lists compare as sets: [443, 8443] and [8443, 443] scan the same thing. */
const portSet = (ports: number[]) => [...ports].sort((a, b) => a - b).join(",");

/**
 * The checks a zod schema cannot make, in DRF's order: field rules first (unique name, ports listed
 * once), then the range as a whole (only once every field is valid), then the unique set.
 */
export async function assertScanRangeValid(ctx: ServiceContext, values: ScanRangeValues, exceptId?: number): Promise<void> {
  const notSelf = exceptId === undefined ? undefined : ne(scanRanges.id, exceptId);
  const fieldErrors: Record<string, string[]> = {};
  const [taken] = await ctx.db.select({ id: scanRanges.id }).from(scanRanges).where(and(eq(scanRanges.name, values.name), notSelf));
  if (taken) fieldErrors.name = [NAME_TAKEN];
  const repeated = values.ports.find((port, i) => values.ports.indexOf(port) !== i);
  if (repeated !== undefined) fieldErrors.ports = [`Port ${repeated} is listed more than once.`];
  if (Object.keys(fieldErrors).length) throw new ValidationError(fieldErrors);

  const size = ipv4ToNumber(values.ip_to) - ipv4ToNumber(values.ip_from) + 1;
  if (size < 1) throw ValidationError.field("ip_to", "Ensure this address is not lower than ip_from.");
  if (size > MAX_ADDRESSES) {
    throw ValidationError.field("ip_to", `Ensure the range holds no more than ${MAX_ADDRESSES} addresses (this one holds ${size}).`);
  }
  const sameAddresses = await ctx.db
    .select({ ports: scanRanges.ports })
    .from(scanRanges)
    .where(and(eq(scanRanges.ipFrom, values.ip_from), eq(scanRanges.ipTo, values.ip_to), notSelf));
  if (sameAddresses.some((row) => portSet(row.ports) === portSet(values.ports))) {
    throw ValidationError.field("non_field_errors", "The fields ip_from, ip_to, ports must make a unique set.");
  }
}
