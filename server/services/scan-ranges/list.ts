import { sql, type AnyColumn } from "drizzle-orm";
import { scanRanges } from "~/db/schema";
import type { ServiceContext } from "../context";
import { mapPage, runList, type ListConfig, type ListQuery } from "../list";
import { toScanRangeDtos, type ScanRangeRow } from "./dto";
import { SCAN_RANGE_STATUSES } from "./schemas";

// Addresses order numerically (127.0.0.2 before 127.0.0.10), not as text.
const asInet = (column: AnyColumn) => sql`cast(${column} as inet)`;

export const scanRangeListConfig: ListConfig = {
  table: scanRanges,
  primaryKey: scanRanges.id,
  searchFields: [scanRanges.name, scanRanges.ipFrom, scanRanges.ipTo, scanRanges.status],
  filters: { status: { kind: "choice", column: scanRanges.status, choices: SCAN_RANGE_STATUSES } },
  ordering: {
    id: scanRanges.id,
    name: scanRanges.name,
    ip_from: asInet(scanRanges.ipFrom),
    ip_to: asInet(scanRanges.ipTo),
    status: scanRanges.status,
    last_scan_at: scanRanges.lastScanAt,
    created_at: scanRanges.createdAt,
  },
  defaultOrdering: ["name"],
};

/** Scan ranges are global: every signed-in user may read them. */
export async function listScanRanges({ ctx, input }: { ctx: ServiceContext; input: ListQuery }) {
  const page = await runList<ScanRangeRow>(scanRangeListConfig, input, { db: ctx.db, requestUrl: ctx.requestUrl });
  return mapPage(page, (rows) => toScanRangeDtos(ctx.db, rows));
}
