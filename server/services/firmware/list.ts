import { sql } from "drizzle-orm";
import { firmwareBinaries } from "~/db/schema";
import type { ServiceContext } from "../context";
import { mapPage, runList, type ListConfig, type ListQuery } from "../list";
import { toFirmwareDto, type FirmwareBinaryRow } from "./dto";
import { FIRMWARE_TYPES } from "./schemas";

export const firmwareListConfig: ListConfig = {
  table: firmwareBinaries,
  primaryKey: firmwareBinaries.id,
  searchFields: [firmwareBinaries.name, firmwareBinaries.version, firmwareBinaries.manufacturer],
  filters: {
    // MOJO's docs query `?firmware_type=BIOS` for `bios`.
    firmware_type: { kind: "choice", column: firmwareBinaries.firmwareType, choices: FIRMWARE_TYPES, caseInsensitive: true },
    manufacturer: { kind: "text", column: firmwareBinaries.manufacturer, caseInsensitive: true, description: "Exact manufacturer, ignoring case." },
    model: {
      kind: "custom",
      where: (value) => sql`exists (select 1 from unnest(${firmwareBinaries.models}) as m(model) where lower(m.model) = lower(${value}))`,
      description: "Binaries whose `models` include this model (ignoring case).",
    },
  },
  ordering: {
    name: firmwareBinaries.name,
    version: firmwareBinaries.version,
    manufacturer: firmwareBinaries.manufacturer,
    firmware_type: firmwareBinaries.firmwareType,
    created_at: firmwareBinaries.createdAt,
    size: firmwareBinaries.size,
  },
  defaultOrdering: ["-created_at"],
  bareArrayUnlessPaged: true,
};

/** Every authenticated user reads the whole catalog: binaries belong to no group. */
export async function listFirmware({ ctx, input }: { ctx: ServiceContext; input: ListQuery }) {
  const page = await runList<FirmwareBinaryRow>(firmwareListConfig, input, { db: ctx.db, requestUrl: ctx.requestUrl });
  return mapPage(page, (rows) => rows.map(toFirmwareDto));
}
