import { switches } from "~/db/schema";
import type { ServiceContext } from "../context";
import { requireStaff } from "../permissions";
import { lockTargetPool } from "../pools/membership";
import { switchColumns } from "./columns";
import { toSwitchDto } from "./dto";
import { SWITCH_DEFAULTS, type SwitchCreateInput } from "./schemas";

/** Staff add switches by hand (there is no switch discovery). */
export async function createSwitch({ ctx, input }: { ctx: ServiceContext; input: SwitchCreateInput }) {
  requireStaff(ctx);
  return ctx.db.transaction(async (tx) => {
    if (typeof input.resource_pool === "number") await lockTargetPool({ ...ctx, db: tx }, input.resource_pool);
    const [row] = await tx
      .insert(switches)
      .values({ ...switchColumns({ ...SWITCH_DEFAULTS, ...input }), name: input.name })
      .returning();
    return toSwitchDto(row!);
  });
}
