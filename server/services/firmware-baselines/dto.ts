import { asc, inArray } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { firmwareBaselineBinaries, type firmwareBaselines } from "~/db/schema";
import { isoDateTime } from "~/server/lib/fields";
import type { FirmwareBaselineDto } from "./schemas";

export type BaselineRow = typeof firmwareBaselines.$inferSelect;

/** Batch-maps rows to DTOs: one query for every baseline's binaries, ids ascending. */
export async function toBaselineDtos(db: DbExecutor, rows: BaselineRow[]): Promise<FirmwareBaselineDto[]> {
  const ids = rows.map((row) => row.id);
  const links = ids.length
    ? await db
        .select()
        .from(firmwareBaselineBinaries)
        .where(inArray(firmwareBaselineBinaries.baselineId, ids))
        .orderBy(asc(firmwareBaselineBinaries.firmwareBinaryId))
    : [];
  return rows.map((row) => ({
    id: row.id,
    firmware_binaries: links.filter((link) => link.baselineId === row.id).map((link) => link.firmwareBinaryId),
    created_by: row.createdById,
    name: row.name,
    description: row.description,
    created_at: isoDateTime(row.createdAt),
    updated_at: isoDateTime(row.updatedAt),
  }));
}
