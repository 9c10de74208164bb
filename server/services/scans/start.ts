import { asc, eq, inArray, sql } from "drizzle-orm";
import { scanChunks, scanRanges } from "~/db/schema";
import { scanSettings } from "~/server/config";
import { assertPksExist } from "~/server/lib/fields";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { enqueueJob } from "../jobs";
import { requireStaff } from "../permissions";
import { toScanRangeDtos } from "../scan-ranges/dto";
import { planChunks } from "./chunks";
import { SCAN_CHUNK_MAX_ATTEMPTS, SCAN_CHUNK_TASK, scanChunkJobKey, type RunScanInput } from "./schemas";

/**
 * Staff only: starts a scan of each range. In one transaction, each range goes `scanning` and its
 * chunks' jobs are enqueued, so that a client polling right after the answer sees `scanning`.
 * All or nothing: a range that is scanning already refuses the whole request.
 */
export async function runScan({ ctx, input }: { ctx: ServiceContext; input: RunScanInput }) {
  requireStaff(ctx);
  const ids = [...new Set(input.scan_ranges)];
  if (!ids.length) throw ValidationError.field("scan_ranges", "This list may not be empty.");
  return ctx.db.transaction(async (tx) => {
    await assertPksExist(tx, scanRanges, scanRanges.id, "scan_ranges", ids);
    const ranges = await tx.select().from(scanRanges).where(inArray(scanRanges.id, ids)).orderBy(asc(scanRanges.id)).for("update");
    const busy = ranges.filter((range) => range.status === "scanning");
    if (busy.length) {
      throw new ValidationError({ scan_ranges: busy.map((range) => `Scan range "${range.name}" (id ${range.id}) is already scanning: wait for it to finish.`) });
    }
    const started = [];
    for (const range of ranges) {
      await tx.delete(scanChunks).where(eq(scanChunks.scanRangeId, range.id));
      const plans = planChunks(range, scanSettings.chunkSize);
      const chunks = await tx
        .insert(scanChunks)
        .values(plans.map((plan) => ({ ...plan, scanRangeId: range.id })))
        .returning({ id: scanChunks.id });
      for (const chunk of chunks) {
        await enqueueJob(tx, SCAN_CHUNK_TASK, { chunk_id: chunk.id }, { maxAttempts: SCAN_CHUNK_MAX_ATTEMPTS, jobKey: scanChunkJobKey(chunk.id) });
      }
      const [row] = await tx
        .update(scanRanges)
        .set({ status: "scanning", statusMessage: "", scanStartedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(scanRanges.id, range.id))
        .returning();
      started.push(row!);
    }
    return { scan_ranges: await toScanRangeDtos(tx, started) };
  });
}
