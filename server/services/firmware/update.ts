import { eq } from "drizzle-orm";
import { firmwareBinaries } from "~/db/schema";
import type { ServiceContext } from "../context";
import { requireStaff } from "../permissions";
import { toFirmwareDto } from "./dto";
import { findFirmwareRow } from "./get";
import type { FirmwareUpdateInput } from "./schemas";

/** PUT and PATCH change only the descriptive fields sent; the file itself never changes. */
export async function updateFirmware({ ctx, input }: { ctx: ServiceContext; input: FirmwareUpdateInput & { id: number } }) {
  requireStaff(ctx);
  const current = await findFirmwareRow(ctx, input.id);
  const changes = {
    name: input.name,
    firmwareType: input.firmware_type,
    version: input.version,
    manufacturer: input.manufacturer,
    models: input.models,
    releaseNotes: input.release_notes,
  };
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const [row] = Object.keys(defined).length
    ? await ctx.db.update(firmwareBinaries).set(defined).where(eq(firmwareBinaries.id, current.id)).returning()
    : [current];
  return toFirmwareDto(row!);
}
