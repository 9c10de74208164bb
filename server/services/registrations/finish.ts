import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { registrationBatches, registrationBatchNodes } from "~/db/schema";

/**
 * Ends the batch once none of its nodes is pending or running: `succeeded`, `failed` or
 * `partially_failed`. The batch's row lock makes chunks ending at once take turns, so exactly one
 * of them sees the batch done.
 */
export async function finishBatchIfDone(db: DbExecutor, batchId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [batch] = await tx.select().from(registrationBatches).where(eq(registrationBatches.id, batchId)).for("update");
    if (!batch || batch.finishedAt) return;
    const counts = await tx
      .select({ status: registrationBatchNodes.status, count: sql<number>`count(*)`.mapWith(Number) })
      .from(registrationBatchNodes)
      .where(eq(registrationBatchNodes.batchId, batchId))
      .groupBy(registrationBatchNodes.status);
    const of = (status: string) => counts.find((row) => row.status === status)?.count ?? 0;
    if (of("pending") + of("running") > 0) return;
    const status = of("failed") === 0 ? "succeeded" : of("succeeded") === 0 ? "failed" : "partially_failed";
    await tx.update(registrationBatches).set({ status, finishedAt: sql`now()` }).where(eq(registrationBatches.id, batchId));
  });
}

/** Fails the chunk's nodes that have not ended (their registration will not happen), then ends the batch if it can. */
export async function failUnfinishedNodes(db: DbExecutor, batchId: number, chunk: number, message: string): Promise<void> {
  await db
    .update(registrationBatchNodes)
    .set({ status: "failed", message, updatedAt: sql`now()` })
    .where(and(eq(registrationBatchNodes.batchId, batchId), eq(registrationBatchNodes.chunk, chunk), inArray(registrationBatchNodes.status, ["pending", "running"])));
  await finishBatchIfDone(db, batchId);
}
