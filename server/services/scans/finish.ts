import { eq, sql } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { nodes, scanChunks, scanRanges, type ScanChunkRow, type ScanRangeRow } from "~/db/schema";
import { markNodesUnreachable } from "../nodes/record-probes";

export type ChunkOutcome = { status: "done" } | { status: "failed"; error: string };

/**
 * Ends a chunk; the last chunk of a scan to end ends the scan: `ready` (and the nodes it covered
 * that did not answer become `unreachable`), or `error` naming the failed chunks. The range's row
 * lock makes concurrent last chunks take turns, so exactly one of them sees every chunk ended.
 */
export async function finishChunk(db: DbExecutor, chunkId: number, outcome: ChunkOutcome): Promise<void> {
  await db.transaction(async (tx) => {
    const [chunk] = await tx.select({ rangeId: scanChunks.scanRangeId }).from(scanChunks).where(eq(scanChunks.id, chunkId));
    if (!chunk) return;
    const [range] = await tx.select().from(scanRanges).where(eq(scanRanges.id, chunk.rangeId)).for("update");
    await tx
      .update(scanChunks)
      .set({ status: outcome.status, error: outcome.status === "failed" ? outcome.error : "", updatedAt: sql`now()` })
      .where(eq(scanChunks.id, chunkId));
    if (range?.status !== "scanning") return;
    const chunks = await tx.select().from(scanChunks).where(eq(scanChunks.scanRangeId, range.id));
    if (chunks.some((each) => each.status === "pending" || each.status === "running")) return;
    await endScan(tx, range, chunks);
  });
}

async function endScan(tx: DbExecutor, range: ScanRangeRow, chunks: ScanChunkRow[]) {
  const failed = chunks.filter((chunk) => chunk.status === "failed");
  const found = chunks.reduce((sum, chunk) => sum + chunk.nodesFound, 0);
  // A failed chunk proves nothing about its addresses: only a complete scan marks nodes unreachable.
  if (!failed.length) await markUnanswered(tx, range, chunks);
  await tx
    .update(scanRanges)
    .set({
      status: failed.length ? "error" : "ready",
      statusMessage: failed.length ? `${failed.length} of ${chunks.length} chunks of the scan failed: ${failed[0]!.error}` : "",
      lastScanAt: sql`now()`,
      lastScanFound: found,
      updatedAt: sql`now()`,
    })
    .where(eq(scanRanges.id, range.id));
}

/** Nodes at an address × port this scan covered, not seen since it started. */
async function markUnanswered(tx: DbExecutor, range: ScanRangeRow, chunks: ScanChunkRow[]) {
  const address = sql`(${nodes.ip} - '0.0.0.0'::inet)`;
  const covered = sql.join(
    chunks.map((chunk) => sql`(${address} between ${chunk.firstAddress} and ${chunk.firstAddress + chunk.addressCount - 1} and ${nodes.port} = any(${sql.param(chunk.ports)}::int[]))`),
    sql` or `,
  );
  const startedAt = sql`(select ${scanRanges.scanStartedAt} from ${scanRanges} where ${scanRanges.id} = ${range.id})`;
  const unseen = sql`(${nodes.lastSeen} is null or ${nodes.lastSeen} < ${startedAt})`;
  await markNodesUnreachable(tx, sql`(${covered}) and ${unseen}`, `No Redfish service answered the scan of "${range.name}" started at ${range.scanStartedAt?.toISOString()}.`);
}
