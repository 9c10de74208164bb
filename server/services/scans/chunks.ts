import { ipv4ToNumber } from "~/server/lib/ipv4";

export type ChunkPlan = { firstAddress: number; addressCount: number; ports: number[] };

/** A range's addresses cut into blocks of at most `size` consecutive addresses, each with every port. */
export function planChunks(range: { ipFrom: string; ipTo: string; ports: number[] }, size: number): ChunkPlan[] {
  const first = ipv4ToNumber(range.ipFrom);
  const last = ipv4ToNumber(range.ipTo);
  const chunks: ChunkPlan[] = [];
  for (let start = first; start <= last; start += size) {
    chunks.push({ firstAddress: start, addressCount: Math.min(size, last - start + 1), ports: [...range.ports] });
  }
  return chunks;
}
