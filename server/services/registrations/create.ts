import { and, asc, eq, lt, ne, sql } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { nodes, registrationBatches, registrationBatchNodes, scanRanges } from "~/db/schema";
import { registrationSettings } from "~/server/config";
import { assertPksExist } from "~/server/lib/fields";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { loadRegistrationProfile } from "../inventory/profile";
import { enqueueJob } from "../jobs";
import { requireStaff } from "../permissions";
import { toRegistrationBatchDto } from "./dto";
import { REGISTER_NODES_MAX_ATTEMPTS, REGISTER_NODES_TASK, REGISTRATION_CHUNK_SIZE, registerNodesJobKey, type BulkRegisterInput } from "./schemas";

/**
 * Staff only: registers many nodes in the background. In one transaction: the batch, its nodes in
 * chunks, and one job per chunk; answers 202 with the batch, readable until it ends (and for
 * `RACKPILOT_REGISTRATION_RETENTION_DAYS` after). A scan range stands for its nodes not yet registered.
 */
export async function startBulkRegistration({ ctx, input }: { ctx: ServiceContext; input: BulkRegisterInput }) {
  requireStaff(ctx);
  if ((input.nodes === undefined) === (input.scan_range === undefined)) {
    throw ValidationError.field("non_field_errors", "Give either nodes (a list of node ids) or scan_range (a scan range id), not both.");
  }
  if (input.nodes?.length === 0) throw ValidationError.field("nodes", "This list may not be empty.");
  await loadRegistrationProfile(ctx, input.auth_profile);
  return ctx.db.transaction(async (tx) => {
    const nodeIds = await selectNodes(tx, input);
    await pruneFinishedBatches(tx);
    const [batch] = await tx
      .insert(registrationBatches)
      .values({
        authProfileId: input.auth_profile,
        scanRangeId: input.scan_range ?? null,
        createdById: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        nodesTotal: nodeIds.length,
        ...(nodeIds.length ? {} : { status: "succeeded", finishedAt: sql`now()` }),
      })
      .returning();
    if (nodeIds.length) {
      await tx.insert(registrationBatchNodes).values(nodeIds.map((nodeId, index) => ({ batchId: batch!.id, nodeId, chunk: Math.floor(index / REGISTRATION_CHUNK_SIZE) })));
    }
    for (let chunk = 0; chunk * REGISTRATION_CHUNK_SIZE < nodeIds.length; chunk++) {
      await enqueueJob(tx, REGISTER_NODES_TASK, { batch_id: batch!.id, chunk }, { maxAttempts: REGISTER_NODES_MAX_ATTEMPTS, jobKey: registerNodesJobKey(batch!.id, chunk) });
    }
    return toRegistrationBatchDto(tx, batch!);
  });
}

async function selectNodes(tx: DbExecutor, input: BulkRegisterInput): Promise<number[]> {
  if (input.nodes) {
    await assertPksExist(tx, nodes, nodes.id, "nodes", input.nodes);
    return [...new Set(input.nodes)];
  }
  await assertPksExist(tx, scanRanges, scanRanges.id, "scan_range", input.scan_range);
  const rows = await tx
    .select({ id: nodes.id })
    .from(nodes)
    .where(and(eq(nodes.scanRangeId, input.scan_range!), ne(nodes.status, "registered")))
    .orderBy(asc(nodes.ip), asc(nodes.port));
  return rows.map((row) => row.id);
}

/** Finished batches stay readable for the retention period; older ones go when a new one starts. */
async function pruneFinishedBatches(tx: DbExecutor) {
  await tx.delete(registrationBatches).where(lt(registrationBatches.finishedAt, sql`now() - ${registrationSettings.retentionDays}::float8 * interval '1 day'`));
}

