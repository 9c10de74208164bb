import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbExecutor } from "~/db/client";
import { nodes, registrationBatches, registrationBatchNodes, type NodeRow, type RegistrationBatchNodeRow } from "~/db/schema";
import { registrationSettings } from "~/server/config";
import { errorSummary } from "~/server/lib/describe-error";
import { Limiter } from "~/server/sweep/limiter";
import type { ServiceContext } from "../context";
import { DomainError } from "../errors";
import { loadRegistrationProfile, type RegistrationProfile } from "../inventory/profile";
import { registerBmc } from "../inventory/register-bmc";
import { failUnfinishedNodes, finishBatchIfDone } from "./finish";

// One budget of registrations per process, however many chunks its worker runs at once.
let limiter: Limiter | undefined;
const processLimiter = () => (limiter ??= new Limiter(registrationSettings.concurrency));

export type ChunkAttempt = { batchId: number; chunk: number; attempt: number; maxAttempts: number; signal?: AbortSignal };

/**
 * One attempt at one chunk of a bulk registration: registers each of its nodes not ended yet (a
 * node a killed attempt left `running` is taken again; one it finished is not), at most
 * `RACKPILOT_REGISTER_CONCURRENCY` per process. A node's success is committed with its inventory,
 * so no node is registered twice. What a BMC answers ends its node either way; anything else
 * (the database away) is thrown for graphile-worker to retry, and fails the node on the last attempt.
 */
export async function registerChunk({ batchId, chunk, attempt, maxAttempts, signal }: ChunkAttempt): Promise<void> {
  const db = getDb();
  const ctx: ServiceContext = { actor: { kind: "system" }, db };
  const [batch] = await db.select().from(registrationBatches).where(eq(registrationBatches.id, batchId));
  if (!batch || batch.finishedAt) return;
  await db.update(registrationBatches).set({ status: "running" }).where(and(eq(registrationBatches.id, batchId), eq(registrationBatches.status, "pending")));
  const items = await db
    .select({ item: registrationBatchNodes, node: nodes })
    .from(registrationBatchNodes)
    .leftJoin(nodes, eq(nodes.id, registrationBatchNodes.nodeId))
    .where(and(eq(registrationBatchNodes.batchId, batchId), eq(registrationBatchNodes.chunk, chunk), inArray(registrationBatchNodes.status, ["pending", "running"])))
    .orderBy(asc(registrationBatchNodes.id));
  const profile = await profileOf(ctx, batch.authProfileId);
  if (typeof profile === "string") return failUnfinishedNodes(db, batchId, chunk, `Not registered: ${profile}`);
  const unexpected: unknown[] = [];
  await Promise.all(
    items.map(({ item, node }) =>
      processLimiter().run(async () => {
        if (signal?.aborted) return;
        try {
          await registerItem(ctx, batchId, item, node, profile);
        } catch (error) {
          if (error instanceof DomainError || attempt >= maxAttempts) await endItem(db, item.id, { status: "failed", message: errorSummary(error) });
          else unexpected.push(error);
        }
      }),
    ),
  );
  await finishBatchIfDone(db, batchId);
  signal?.throwIfAborted();
  if (unexpected.length) throw unexpected[0];
}

/** The batch's auth profile, or why there is none to use any more (deleted, or emptied of credentials). */
async function profileOf(ctx: ServiceContext, id: number | null): Promise<RegistrationProfile | string> {
  if (id === null) return "the auth profile of the batch was deleted.";
  try {
    return await loadRegistrationProfile(ctx, id);
  } catch (error) {
    if (error instanceof DomainError) return String(Object.values(error.body).flat()[0]);
    throw error;
  }
}

async function registerItem(ctx: ServiceContext, batchId: number, item: RegistrationBatchNodeRow, node: NodeRow | null, profile: RegistrationProfile) {
  if (!node) return endItem(ctx.db, item.id, { status: "failed", message: "The node was deleted before its registration." });
  await ctx.db.update(registrationBatchNodes).set({ status: "running", updatedAt: sql`now()` }).where(eq(registrationBatchNodes.id, item.id));
  await registerBmc(ctx, {
    node,
    profile,
    // The retry of a killed attempt names the same owner, so it takes the node's lease back at once.
    operation: { kind: "registration", owner: `registration_batch:${batchId}:node:${node.id}`, description: `bulk registration #${batchId}` },
    waitMs: registrationSettings.timeoutMs,
    onStored: (tx, serverIds) => endItem(tx, item.id, { status: "succeeded", serverId: serverIds[0]!, message: "" }),
  });
}

async function endItem(db: DbExecutor, itemId: number, outcome: { status: "succeeded" | "failed"; message: string; serverId?: number }) {
  await db.update(registrationBatchNodes).set({ ...outcome, updatedAt: sql`now()` }).where(eq(registrationBatchNodes.id, itemId));
}

/** The chunk's worker died during its last attempt (workers/heartbeat.ts): its nodes left fail, and the batch ends. */
export async function failAbandonedChunk(batchId: number, chunk: number, attempts: number): Promise<void> {
  await failUnfinishedNodes(getDb(), batchId, chunk, `Not registered: the worker registering it stopped during each of its ${attempts} attempts.`);
}
