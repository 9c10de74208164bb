import type { DbExecutor } from "~/db/client";
import type { scanRanges } from "~/db/schema";
import { isoDateTime, isoDateTimeOrNull } from "~/server/lib/fields";
import { scanProgress } from "../scans/progress";
import type { ScanRangeDto } from "./schemas";

export type ScanRangeRow = typeof scanRanges.$inferSelect;

/** Batch-maps rows to DTOs: one read of the scan progress for any number of ranges. */
export async function toScanRangeDtos(db: DbExecutor, rows: ScanRangeRow[]): Promise<ScanRangeDto[]> {
  const progress = await scanProgress(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    ip_from: row.ipFrom,
    ip_to: row.ipTo,
    ports: row.ports,
    status: row.status as ScanRangeDto["status"],
    status_message: row.statusMessage,
    addresses_probed: progress.get(row.id)?.addressesProbed ?? null,
    addresses_total: progress.get(row.id)?.addressesTotal ?? null,
    last_scan_at: isoDateTimeOrNull(row.lastScanAt),
    last_scan_found: row.lastScanFound,
    created_at: isoDateTime(row.createdAt),
    updated_at: isoDateTime(row.updatedAt),
  }));
}

export async function toScanRangeDto(db: DbExecutor, row: ScanRangeRow): Promise<ScanRangeDto> {
  const [dto] = await toScanRangeDtos(db, [row]);
  return dto!;
}
