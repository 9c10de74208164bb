import { REGISTRATION_BATCH_STATUSES, REGISTRATION_NODE_STATUSES } from "~/db/schema/choices";
import { pk, pkList } from "~/server/lib/fields";
import { z } from "~/server/lib/zod";

/** The graphile-worker task that registers one chunk of a bulk registration (workers/task-list.ts). */
export const REGISTER_NODES_TASK = "register_nodes";
/** Nodes per job: the unit of retry, and of sharing a large batch among worker processes. */
export const REGISTRATION_CHUNK_SIZE = 50;
/** A worker killed mid-chunk costs one attempt; the chunk's nodes left then fail with a message. */
export const REGISTER_NODES_MAX_ATTEMPTS = 3;

export const registerNodesJobKey = (batchId: number, chunk: number) => `${REGISTER_NODES_TASK}:${batchId}:${chunk}`;
export function chunkOfJobKey(key: string | null): { batchId: number; chunk: number } | null {
  const match = key ? /^register_nodes:(\d+):(\d+)$/.exec(key) : null;
  return match ? { batchId: Number(match[1]), chunk: Number(match[2]) } : null;
}

export const bulkRegisterInputSchema = z.object({
  nodes: pkList().optional().describe("Ids of the nodes to register (give this or `scan_range`)."),
  scan_range: pk().optional().describe("Register every node this scan range found that is not registered yet (give this or `nodes`)."),
  auth_profile: pk().describe("Id of the auth profile whose credentials are tried, in order, on each BMC."),
});
export type BulkRegisterInput = z.infer<typeof bulkRegisterInputSchema>;

export const registrationBatchSchema = z.object({
  id: z.number().int(),
  status: z
    .enum(REGISTRATION_BATCH_STATUSES)
    .describe('"pending" (queued), "running", then "succeeded" (every node), "failed" (none) or "partially_failed".'),
  nodes_total: z.number().int().describe("Nodes in the batch."),
  nodes_done: z.number().int().describe("Nodes whose registration has ended, successfully or not."),
  nodes_failed: z.number().int().describe("Nodes whose registration failed (see their `message`)."),
  results: z.array(
    z.object({
      node: z.number().int().nullable().describe("The node's id (null once the node was deleted)."),
      server: z.number().int().nullable().describe("Its first server once registered."),
      status: z.enum(REGISTRATION_NODE_STATUSES),
      message: z.string().describe("Why it failed (names the BMC); empty otherwise."),
    }),
  ),
  created_at: z.string().describe("ISO 8601, UTC."),
  finished_at: z.string().nullable().describe("When the last node ended (ISO 8601, UTC); finished batches are kept for RACKPILOT_REGISTRATION_RETENTION_DAYS."),
});
export type RegistrationBatchDto = z.infer<typeof registrationBatchSchema>;
