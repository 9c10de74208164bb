import { scanRanges } from "~/db/schema";
import { isoDateTime, isoDateTimeOrNull } from "~/server/lib/fields";
import type { ScanRangeDto } from "./schemas";

export type ScanRangeRow = typeof scanRanges.$inferSelect;

export function toScanRangeDto(row: ScanRangeRow): ScanRangeDto {
  return {
    id: row.id,
    name: row.name,
    ip_from: row.ipFrom,
    ip_to: row.ipTo,
    ports: row.ports,
    status: row.status as ScanRangeDto["status"],
    last_scan_at: isoDateTimeOrNull(row.lastScanAt),
    last_scan_found: row.lastScanFound,
    created_at: isoDateTime(row.createdAt),
    updated_at: isoDateTime(row.updatedAt),
  };
}
