import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { requestServers, requestSteps, servers, type RequestStatus } from "~/db/schema";
import { isoDateTimeOrNull as iso } from "~/server/lib/fields";
import type { RequestProgress, ServerSteps, StepDto } from "./schemas";
import { stepLabel } from "./steps";

/** A server's part is over in these states. */
export const FINISHED_SERVER_STATUSES = ["succeeded", "failed", "partially_failed", "cancelled"] as const satisfies readonly RequestStatus[];

/**
 * Each request's progress, keyed by id (every id given is present; a request with no servers is at 0 of 0, 100%).
 * `visible` (a condition on `servers`, the API's scoping) counts only the servers a user may see.
 */
export async function readRequestProgress(db: DbExecutor, requestIds: number[], visible?: SQL): Promise<Map<number, RequestProgress>> {
  const progress = new Map<number, RequestProgress>(requestIds.map((id) => [id, { servers_total: 0, servers_done: 0, servers_failed: 0, percent: 100 }]));
  if (!requestIds.length) return progress;
  const rows = await db
    .select({
      requestId: requestServers.requestId,
      total: sql<number>`count(*)::int`,
      done: sql<number>`count(*) filter (where ${inArray(requestServers.status, [...FINISHED_SERVER_STATUSES])})::int`,
      failed: sql<number>`count(*) filter (where ${requestServers.status} = 'failed')::int`,
    })
    .from(requestServers)
    .innerJoin(servers, eq(servers.id, requestServers.serverId))
    .where(and(inArray(requestServers.requestId, requestIds), visible))
    .groupBy(requestServers.requestId);
  for (const row of rows) {
    progress.set(row.requestId, { servers_total: row.total, servers_done: row.done, servers_failed: row.failed, percent: Math.floor((100 * row.done) / row.total) });
  }
  return progress;
}


/**
 * Per server of the request (those asked for that take part in it), its status, its steps in order
 * and the versions its BMC reported before and after. Steps appear once the engine has planned the
 * request (a pending request lists none yet).
 */
export async function readServerSteps(db: DbExecutor, requestId: number, serverIds: number[]): Promise<Map<number, ServerSteps>> {
  const result = new Map<number, ServerSteps>();
  if (!serverIds.length) return result;
  const parts = await db
    .select()
    .from(requestServers)
    .where(sql`${requestServers.requestId} = ${requestId} and ${inArray(requestServers.serverId, serverIds)}`);
  if (!parts.length) return result;
  const steps = await db
    .select()
    .from(requestSteps)
    .where(inArray(requestSteps.requestServerId, parts.map((part) => part.id)))
    .orderBy(asc(requestSteps.requestServerId), asc(requestSteps.position));
  const stepsOf = new Map<number, StepDto[]>();
  for (const step of steps) {
    const list = stepsOf.get(step.requestServerId) ?? stepsOf.set(step.requestServerId, []).get(step.requestServerId)!;
    list.push({ name: stepLabel(step.name, step.component), status: step.status as StepDto["status"], started_at: iso(step.startedAt), finished_at: iso(step.finishedAt), message: step.message });
  }
  for (const part of parts) {
    result.set(part.serverId, {
      status: part.status as RequestStatus,
      message: part.message,
      steps: stepsOf.get(part.id) ?? [],
      versions: { before: part.versionsBefore ?? {}, after: part.versionsAfter ?? {} },
    });
  }
  return result;
}
