import { eq } from "drizzle-orm";
import { firmwareBaselines } from "~/db/schema";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { toBaselineDtos } from "./dto";

export async function findBaselineRow(ctx: ServiceContext, id: number) {
  const [row] = await ctx.db.select().from(firmwareBaselines).where(eq(firmwareBaselines.id, id));
  if (!row) throw new NotFoundError("FirmwareBaseline");
  return row;
}

export async function getBaseline({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  const [dto] = await toBaselineDtos(ctx.db, [await findBaselineRow(ctx, input.id)]);
  return dto!;
}
