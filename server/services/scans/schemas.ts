import { pkList } from "~/server/lib/fields";
import { z } from "~/server/lib/zod";
import { scanRangeSchema } from "../scan-ranges/schemas";

/** The graphile-worker task that sweeps and identifies one chunk (registered in workers/task-list.ts). */
export const SCAN_CHUNK_TASK = "scan_chunk";
/** A chunk's job key names the chunk, so the heartbeat's handler can fail it when its worker died for good. */
export const scanChunkJobKey = (chunkId: number) => `${SCAN_CHUNK_TASK}:${chunkId}`;
export const chunkIdOfJobKey = (key: string | null) => {
  const match = key ? /^scan_chunk:(\d+)$/.exec(key) : null;
  return match ? Number(match[1]) : null;
};
/** Attempts per chunk: a worker killed mid-chunk costs one; then the range ends in `error`. */
export const SCAN_CHUNK_MAX_ATTEMPTS = 3;

export const runScanInputSchema = z.object({
  scan_ranges: pkList().describe("Ids of the scan ranges to scan now; none may be scanning already."),
});
export type RunScanInput = z.infer<typeof runScanInputSchema>;

export const runScanOutputSchema = z.object({
  scan_ranges: z.array(scanRangeSchema).describe('The ranges, now "scanning": poll `GET /api/node_discovery/scan_range/{id}/` until the status changes.'),
});
