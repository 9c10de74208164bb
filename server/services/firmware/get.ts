import { eq } from "drizzle-orm";
import { firmwareBinaries } from "~/db/schema";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { toFirmwareDto } from "./dto";

export async function findFirmwareRow(ctx: ServiceContext, id: number) {
  const [row] = await ctx.db.select().from(firmwareBinaries).where(eq(firmwareBinaries.id, id));
  if (!row) throw new NotFoundError("FirmwareBinary");
  return row;
}

export async function getFirmware({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  return toFirmwareDto(await findFirmwareRow(ctx, input.id));
}
