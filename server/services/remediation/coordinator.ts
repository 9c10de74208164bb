import { and, asc, eq, getTableName, inArray, type Placeholder, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Database, DbExecutor } from "~/db/client";
import { firmwareBaselineBinaries, firmwareBaselines, requests, requestServers, requestSteps, servers, type RequestRow, type RequestStatus } from "~/db/schema";
import { takeComplianceSnapshot } from "../compliance/snapshot";
import { serverJobCall } from "./jobs";
import { targetOf } from "./options";
import { planRemediation } from "./plan";
import type { ServerPlan } from "./schemas";
import { stepLayout } from "./steps";

const SYSTEM = { kind: "system" } as const;

/** The rows of a server's steps, in order, from its plan. */
function stepRows(requestServerId: number, plan: ServerPlan | undefined) {
  const planned = new Map<string, ServerPlan["components"][number]>((plan?.components ?? []).map((component) => [component.firmware_type, component]));
  return stepLayout(plan?.components ?? []).map((step, position) => ({
    requestServerId,
    position,
    ...step,
    // Each component's first step carries its plan (from/to versions) for the steps after it.
    state: step.component && step.name === "check_binary" ? { plan: planned.get(step.component) } : {},
  }));
}

/**
 * Every step of the request in one statement, PostgreSQL expanding them from one JSON array: drizzle building the
 * same rows as VALUES lists took seconds for a thousand servers (17,000 rows), and no server starts before they exist.
 */
async function insertSteps(tx: DbExecutor, rows: ReturnType<typeof stepRows>): Promise<void> {
  if (!rows.length) return;
  const json = JSON.stringify(rows.map((row) => ({ request_server_id: row.requestServerId, position: row.position, name: row.name, component: row.component, firmware_binary_id: row.firmwareBinaryId, state: row.state })));
  await tx.execute(sql`
    insert into ${requestSteps} (request_server_id, position, name, component, firmware_binary_id, state)
    select request_server_id, position, name, component, firmware_binary_id, state
    from jsonb_to_recordset(${json}::jsonb) as step(request_server_id integer, position integer, name varchar, component varchar, firmware_binary_id integer, state jsonb)`);
}

/**
 * Analyzes the engine's tables when a request's steps add a tenth or more to them (or they were never analyzed), as
 * autovacuum soon would: before its servers' first jobs exist, not during the run. Each analyze during the run makes
 * PostgreSQL re-plan the jobs' prepared statements against the average cost of their first plans, made on the old
 * statistics: the job's opening read was then planned anew on 1,044-2,252 of its 5,000 calls (2.7 ms of backend CPU a
 * call against 1.0 ms with its kept plan) in a 1,000-server request on a fresh database.
 */
async function analyzeIfGrown(tx: DbExecutor, added: number): Promise<void> {
  const [known] = await tx.execute<{ rows: number }>(sql`select reltuples::float8 as rows from pg_class where oid = ${getTableName(requestSteps)}::regclass`);
  if (known && known.rows >= 0 && added < known.rows / 10) return;
  await tx.execute(sql`analyze ${requestSteps}, ${requestServers}`);
}

/**
 * Starts a pending request: plans every server from the stored inventory, records the steps, marks
 * the request running and starts its first servers. A request cancelled before it began ends here.
 * Runs once: a request no longer pending is left alone.
 */
export async function beginRequest(db: DbExecutor, requestId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [request] = await tx.select().from(requests).where(eq(requests.id, requestId)).for("update");
    if (request?.status !== "pending") return;
    const parts = await tx.select().from(requestServers).where(eq(requestServers.requestId, requestId)).orderBy(asc(requestServers.id));
    if (!request.cancelRequestedAt) {
      const plans = await planRemediation(tx, targetOf(request, parts.map((part) => part.serverId)));
      const planOf = new Map(plans.map((plan) => [plan.server_id, plan]));
      const rows = parts.flatMap((part) => stepRows(part.id, planOf.get(part.serverId)));
      await insertSteps(tx, rows);
      await analyzeIfGrown(tx, rows.length);
    }
    await tx.update(requests).set({ status: "running", startedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(requests.id, requestId));
    await advanceRequest(tx, { ...request, status: "running" });
  });
}

const counts = (tx: DbExecutor, requestId: number) =>
  tx
    .select({ status: requestServers.status, n: sql<number>`count(*)::int` })
    .from(requestServers)
    .where(eq(requestServers.requestId, requestId))
    .groupBy(requestServers.status)
    .then((rows) => Object.fromEntries(rows.map((row) => [row.status, row.n])) as Partial<Record<RequestStatus, number>>);

/** `advanceRequest` in a transaction of its own (it is idempotent). */
export const advanceRequestInTransaction = (db: Database, requestId: number) => db.transaction((tx) => advanceRequest(tx, undefined, requestId));

/**
 * After a server's pass-on that started none: the request's locked path (`advanceRequest`), only if it has anything to
 * do, read first under a share lock of the request's row. Servers that end together share it instead of queueing for
 * the exclusive lock one by one (each holding a pooled connection while it waited: 36-145 ms a server at a request's
 * end), and an end or a cancel holding the exclusive lock is waited for, so the last server to end sees every other end.
 * Something to do: a server still pending (protected, or being started by another pass-on), or none at work.
 */
export async function advanceAfterPassOn(db: Database, requestId: number): Promise<void> {
  const tally = await db.transaction(async (tx) => {
    await tx.select({ id: requests.id }).from(requests).where(eq(requests.id, requestId)).for("share");
    return counts(tx, requestId);
  });
  if (tally.pending || !tally.running) await advanceRequestInTransaction(db, requestId);
}

/**
 * After a server ended (or a cancel): starts pending servers up to max_parallel unless the request is
 * cancelled or stop_after_failures was reached, and ends the request once no server is at work. The
 * caller holds the request's row lock (or takes it here) so two servers ending at once start one each.
 */
export async function advanceRequest(tx: DbExecutor, locked?: RequestRow, requestId?: number): Promise<void> {
  const [request] = locked ? [locked] : await tx.select().from(requests).where(eq(requests.id, requestId!)).for("update");
  if (request?.status !== "running") return;
  const options = targetOf(request, []);
  let tally = await counts(tx, request.id);
  const stopped = request.cancelRequestedAt !== null || (options.stopAfterFailures !== null && (tally.failed ?? 0) >= options.stopAfterFailures);
  if (stopped && tally.pending) {
    const why = request.cancelRequestedAt ? "The request was cancelled before this server started." : `Not started: ${tally.failed} server(s) failed (stop_after_failures ${options.stopAfterFailures}).`;
    await tx
      .update(requestServers)
      .set({ status: "cancelled", message: why, finishedAt: sql`now()` })
      .where(and(eq(requestServers.requestId, request.id), eq(requestServers.status, "pending")));
    tally = await counts(tx, request.id);
  }
  if (!stopped && tally.pending && options.maxParallel > (tally.running ?? 0)) {
    if (await startNext(tx, request.id, options.maxParallel - (tally.running ?? 0))) return;
    tally = await counts(tx, request.id);
  }
  if (tally.running || tally.pending) return;
  await finishRequest(tx, request, tally);
}

/**
 * Starts up to `room` pending servers in order; answers how many started. A server protected after the request was
 * created is cancelled when its turn comes instead of started: `protected` means "never update", and an operator may
 * set it on one server of a queued pool-wide request. A server already at work finishes (stopping a flash half-way is
 * worse than finishing it).
 */
async function startNext(tx: DbExecutor, requestId: number, room: number): Promise<number> {
  let started = 0;
  for (;;) {
    const turn = await pendingInTurn(tx, requestId, room - started);
    const guarded = turn.filter((part) => part.protected).map((part) => part.id);
    const ready = turn.filter((part) => !part.protected).map((part) => part.id);
    if (guarded.length) {
      await tx
        .update(requestServers)
        .set({ status: "cancelled", message: "Not started: the server was marked protected after the request was created.", finishedAt: sql`now()` })
        .where(inArray(requestServers.id, guarded));
    }
    if (ready.length) {
      // The servers and their first jobs in one statement.
      const next = startServers(tx, ready);
      started += (await tx.with(next).select({ job: serverJobCall(next.id, next.generation) }).from(next)).length;
    }
    if (!guarded.length || started >= room) return started;
  }
}

/**
 * The request's next pending servers (and whether each is protected), locked; one that another transaction is
 * starting right now (a server's pass-on in `finishServer`) is skipped, not waited for. `also`: a further condition.
 * `protected` is read for the rows picked only: joined before the limit, every pending server of a 1,000-server request
 * was joined and sorted to start one, and a pass-on took a median 3.2-5.7 ms instead of 1.5-1.6 ms.
 * The status and the limit are literals, not parameters: in the pass-on's prepared statement, a generic plan costs an
 * unknown LIMIT as a tenth of the rows, so PostgreSQL kept planning it anew for every call (1-1.9 ms each).
 */
export function pendingInTurn(db: DbExecutor, requestId: number | Placeholder, limit: number, also?: SQL) {
  return db
    .select({ id: requestServers.id, protected: sql<boolean>`(select ${servers.protected} from ${servers} where ${servers.id} = ${requestServers.serverId})`.as("protected") })
    .from(requestServers)
    .where(and(eq(requestServers.requestId, requestId), sql`${requestServers.status} = 'pending'`, also))
    .orderBy(asc(requestServers.id))
    // drizzle renders a number as a parameter and a SQL chunk as written.
    .limit(sql.raw(String(Math.trunc(limit))) as unknown as number)
    .for("update", { skipLocked: true });
}

/** Starts the pending servers among `ids` (their next generation), as a CTE of their `id` and `generation` for their first jobs (`serverJobCall`). */
export function startServers(db: DbExecutor, ids: number[] | SQLWrapper) {
  return db.$with("started").as(
    db
      .update(requestServers)
      .set({ status: "running", startedAt: sql`now()`, generation: sql`${requestServers.generation} + 1` })
      .where(and(inArray(requestServers.id, ids), eq(requestServers.status, "pending")))
      .returning({ id: requestServers.id, generation: requestServers.generation }),
  );
}

/** The request's final status from its servers' outcomes. */
export function finalStatus(request: Pick<RequestRow, "cancelRequestedAt">, tally: Partial<Record<RequestStatus, number>>): RequestStatus {
  if (request.cancelRequestedAt) return "cancelled";
  const succeeded = tally.succeeded ?? 0;
  const failed = tally.failed ?? 0;
  if (!failed) return (tally.cancelled ?? 0) && !succeeded ? "cancelled" : "succeeded";
  return succeeded ? "partially_failed" : "failed";
}

/** Ends the request and records a compliance snapshot (trigger `remediation`) of its servers for each baseline it applied. */
async function finishRequest(tx: DbExecutor, request: RequestRow, tally: Partial<Record<RequestStatus, number>>): Promise<void> {
  await tx.update(requests).set({ status: finalStatus(request, tally), finishedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(requests.id, request.id));
  const serverIds = (await tx.select({ id: requestServers.serverId }).from(requestServers).where(eq(requestServers.requestId, request.id))).map((row) => row.id);
  if (!serverIds.length) return;
  const target = targetOf(request, serverIds);
  // A firmware_update is snapshotted against every baseline holding one of its binaries; a baseline deleted meanwhile is skipped.
  const baselineIds = (
    target.type === "firmware_baseline_update"
      ? await tx.select({ id: firmwareBaselines.id }).from(firmwareBaselines).where(eq(firmwareBaselines.id, target.baselineId ?? 0))
      : await tx.selectDistinct({ id: firmwareBaselineBinaries.baselineId }).from(firmwareBaselineBinaries).where(inArray(firmwareBaselineBinaries.firmwareBinaryId, target.firmwareIds ?? []))
  ).map((row) => row.id);
  for (const baselineId of baselineIds) {
    await takeComplianceSnapshot({ ctx: { actor: SYSTEM, db: tx }, input: { baselineId, scope: { kind: "servers", serverIds }, trigger: "remediation" } });
  }
}
