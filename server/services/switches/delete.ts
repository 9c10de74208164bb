import { eq } from "drizzle-orm";
import { switches } from "~/db/schema";
import type { ServiceContext } from "../context";
import { requireStaff } from "../permissions";
import { findSwitchRow } from "./scope";

export async function deleteSwitch({ ctx, input }: { ctx: ServiceContext; input: { id: number } }): Promise<void> {
  const row = await findSwitchRow(ctx, input.id);
  requireStaff(ctx);
  await ctx.db.delete(switches).where(eq(switches.id, row.id));
}
