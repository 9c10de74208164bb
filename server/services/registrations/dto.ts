import { asc, eq } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { registrationBatches, registrationBatchNodes, type RegistrationBatchRow } from "~/db/schema";
import { fitsInteger, isoDateTime, isoDateTimeOrNull } from "~/server/lib/fields";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { requireStaff } from "../permissions";
import type { RegistrationBatchDto } from "./schemas";

export async function toRegistrationBatchDto(db: DbExecutor, batch: RegistrationBatchRow): Promise<RegistrationBatchDto> {
  const items = await db.select().from(registrationBatchNodes).where(eq(registrationBatchNodes.batchId, batch.id)).orderBy(asc(registrationBatchNodes.id));
  const failed = items.filter((item) => item.status === "failed").length;
  return {
    id: batch.id,
    status: batch.status as RegistrationBatchDto["status"],
    nodes_total: batch.nodesTotal,
    nodes_done: items.filter((item) => item.status === "succeeded").length + failed,
    nodes_failed: failed,
    results: items.map((item) => ({ node: item.nodeId, server: item.serverId, status: item.status as RegistrationBatchDto["results"][number]["status"], message: item.message })),
    created_at: isoDateTime(batch.createdAt),
    finished_at: isoDateTimeOrNull(batch.finishedAt),
  };
}

/** Staff only (403 before 404, as DRF checks a view's permission first). */
export async function getRegistrationBatch({ ctx, input }: { ctx: ServiceContext; input: { id: number } }) {
  requireStaff(ctx);
  const [batch] = fitsInteger(input.id) ? await ctx.db.select().from(registrationBatches).where(eq(registrationBatches.id, input.id)) : [];
  if (!batch) throw new NotFoundError("Registration");
  return toRegistrationBatchDto(ctx.db, batch);
}
