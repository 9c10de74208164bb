import type { firmwareBinaries } from "~/db/schema";
import { isoDateTime } from "~/server/lib/fields";
import type { FirmwareBinaryDto, FirmwareType } from "./schemas";

export type FirmwareBinaryRow = typeof firmwareBinaries.$inferSelect;

/** Where the file is stored is internal (`storedPath`): it has no field in the DTO. */
export function toFirmwareDto(row: FirmwareBinaryRow): FirmwareBinaryDto {
  const type = row.firmwareType as FirmwareType;
  return {
    id: row.id,
    name: row.name,
    firmware_type: type,
    type,
    version: row.version,
    manufacturer: row.manufacturer,
    models: row.models,
    location: row.location,
    checksum: row.checksum,
    size: row.size,
    release_notes: row.releaseNotes,
    created_at: isoDateTime(row.createdAt),
  };
}
