import { eq } from "drizzle-orm";
import { complianceSnapshots } from "~/db/schema";
import type { ServiceContext } from "../context";
import { findBaselineRow } from "../firmware-baselines/get";
import { historyRestriction, toSnapshotDtos } from "./history";
import type { SnapshotDto } from "./schemas";
import { resolveScope, type ScopeParams } from "./scope";
import { takeComplianceSnapshot } from "./snapshot";

/** `POST /api/firmware_baseline/{id}/compliance/snapshot/`: any user may record one; its counts read as theirs. */
export async function recordSnapshot({ ctx, input }: { ctx: ServiceContext; input: ScopeParams & { id: number } }): Promise<SnapshotDto> {
  const baseline = await findBaselineRow(ctx, input.id);
  const scope = await resolveScope(ctx, input);
  const id = await takeComplianceSnapshot({ ctx, input: { baselineId: baseline.id, scope, trigger: "manual" } });
  const [row] = await ctx.db.select().from(complianceSnapshots).where(eq(complianceSnapshots.id, id));
  const [dto] = await toSnapshotDtos(ctx.db, [row!], await historyRestriction(ctx, {}));
  return dto!;
}
