import { inArray, sql } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { scanChunks } from "~/db/schema";

export type ScanProgress = { addressesProbed: number; addressesTotal: number };

/** Per range: addresses probed and in all, summed over the chunks of its running (or last) scan. */
export async function scanProgress(db: DbExecutor, rangeIds: number[]): Promise<Map<number, ScanProgress>> {
  if (!rangeIds.length) return new Map();
  const rows = await db
    .select({
      rangeId: scanChunks.scanRangeId,
      addressesProbed: sql<number>`sum(${scanChunks.addressesProbed})`.mapWith(Number),
      addressesTotal: sql<number>`sum(${scanChunks.addressCount})`.mapWith(Number),
    })
    .from(scanChunks)
    .where(inArray(scanChunks.scanRangeId, rangeIds))
    .groupBy(scanChunks.scanRangeId);
  return new Map(rows.map(({ rangeId, ...progress }) => [rangeId, progress]));
}
