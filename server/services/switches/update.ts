import { eq, sql } from "drizzle-orm";
import { switches } from "~/db/schema";
import type { ServiceContext } from "../context";
import { requireStaff } from "../permissions";
import { lockTargetPool } from "../pools/membership";
import { switchColumns } from "./columns";
import { toSwitchDto } from "./dto";
import { SWITCH_DEFAULTS, type SwitchUpdateInput } from "./schemas";
import { findSwitchRow } from "./scope";

/** Staff only. PATCH changes the sent fields; PUT (`replace`) also resets every field it omits. */
export async function updateSwitch({ ctx, input, replace = false }: { ctx: ServiceContext; input: SwitchUpdateInput; replace?: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const current = await findSwitchRow({ ...ctx, db: tx }, input.id, "update");
    requireStaff(ctx);
    const wanted = replace ? { ...SWITCH_DEFAULTS, ...input } : input;
    if (typeof wanted.resource_pool === "number" && wanted.resource_pool !== current.resourcePoolId) await lockTargetPool({ ...ctx, db: tx }, wanted.resource_pool);
    const [row] = await tx
      .update(switches)
      .set({ ...switchColumns(wanted), updatedAt: sql`clock_timestamp()` })
      .where(eq(switches.id, current.id))
      .returning();
    return toSwitchDto(row!);
  });
}
