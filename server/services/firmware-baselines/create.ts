import { firmwareBaselines } from "~/db/schema";
import type { ServiceContext } from "../context";
import { toBaselineDtos } from "./dto";
import { setBaselineBinaries } from "./links";
import type { BaselineCreateInput } from "./schemas";
import { assertBaselineValid } from "./validation";

/** Any authenticated user may create a baseline; `created_by` is the caller (null for the system). */
export async function createBaseline({ ctx, input }: { ctx: ServiceContext; input: BaselineCreateInput }) {
  return ctx.db.transaction(async (tx) => {
    await assertBaselineValid(tx, input);
    const [row] = await tx
      .insert(firmwareBaselines)
      .values({
        name: input.name,
        description: input.description ?? "",
        createdById: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      })
      .returning();
    await setBaselineBinaries(tx, row!.id, input.firmware_binaries ?? []);
    const [dto] = await toBaselineDtos(tx, [row!]);
    return dto!;
  });
}
