import { eq, sql } from "drizzle-orm";
import { firmwareBaselines } from "~/db/schema";
import type { ServiceContext } from "../context";
import { toBaselineDtos } from "./dto";
import { findBaselineRow } from "./get";
import { setBaselineBinaries } from "./links";
import { assertCanChangeBaseline } from "./permissions";
import type { BaselineUpdateInput } from "./schemas";
import { assertBaselineValid } from "./validation";

/** PUT and PATCH change only the fields sent; `firmware_binaries`, when sent, replaces the whole set. */
export async function updateBaseline({ ctx, input }: { ctx: ServiceContext; input: BaselineUpdateInput & { id: number } }) {
  const current = await findBaselineRow(ctx, input.id);
  assertCanChangeBaseline(ctx, current);
  return ctx.db.transaction(async (tx) => {
    await assertBaselineValid(tx, input, current.id);
    const changes = { name: input.name, description: input.description };
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    // Like Django's auto_now, every save moves updated_at, even one that changes nothing.
    const [row] = await tx
      .update(firmwareBaselines)
      .set({ ...defined, updatedAt: sql`now()` })
      .where(eq(firmwareBaselines.id, current.id))
      .returning();
    if (input.firmware_binaries !== undefined) await setBaselineBinaries(tx, current.id, input.firmware_binaries);
    const [dto] = await toBaselineDtos(tx, [row!]);
    return dto!;
  });
}
