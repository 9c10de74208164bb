import { and, eq, exists, inArray, isNotNull, isNull, notExists, type Placeholder, sql } from "drizzle-orm";
import { type Database, type DbExecutor, oncePerDatabase } from "~/db/client";
import { requests, requestServers, requestSteps, type RequestRow, type RequestStatus, type RequestStepRow } from "~/db/schema";
import { type LeaseParkValues, NO_LEASE_PARK, preparedLeasePark } from "../bmc-operations";
import { advanceAfterPassOn, advanceRequest, pendingInTurn, startServers } from "./coordinator";
import { wakeWorkerAt } from "../jobs";
import { serverJobCall } from "./jobs";
import { targetOf } from "./options";

/** This job's generation is no longer the server's: a newer job took over (or the server ended). */
export class SupersededError extends Error {
  constructor(requestServerId: number) {
    super(`request server ${requestServerId}: superseded by a newer job`);
  }
}

export type Owner = { requestServerId: number; generation: number };

/** Locks the server's row if this job still owns it (same generation, still running), else throws. */
async function claim(tx: DbExecutor, owner: Owner): Promise<void> {
  const [row] = await claimQuery(tx, owner);
  if (!row) throw new SupersededError(owner.requestServerId);
}

/** The request-server's audit log of versions (before the flashes, after them). */
export type AuditVersions = { before?: Record<string, string | null>; after?: Record<string, string | null> };

export type StepPatch = Partial<Pick<RequestStepRow, "status" | "message" | "state">> & { started?: boolean; finished?: boolean };

/** The owner's values, or placeholders for a prepared statement. */
type OwnerIn = { requestServerId: number | Placeholder; generation: number | Placeholder };

function claimQuery(db: DbExecutor, owner: OwnerIn) {
  return db
    .select({ id: requestServers.id })
    .from(requestServers)
    .where(and(eq(requestServers.id, owner.requestServerId), eq(requestServers.generation, owner.generation), eq(requestServers.status, "running")))
    .for("update");
}

/** The server's row, locked, while this job owns it: a statement that writes only `where exists` it is a claim and a write in one round trip. */
const owned = (db: DbExecutor, owner: OwnerIn) => db.$with("owned").as(claimQuery(db, owner));

const param = (name: string) => sql.placeholder(name);

/** A step write of a fixed shape (absent fields keep their value), so that it can be prepared once; `prefix` names its placeholders. */
function preparedStepValues(prefix = "") {
  return {
    status: sql`coalesce(${param(`${prefix}status`)}, ${requestSteps.status})`,
    message: sql`coalesce(${param(`${prefix}message`)}, ${requestSteps.message})`,
    state: sql`coalesce(${param(`${prefix}state`)}::jsonb, ${requestSteps.state})`,
    startedAt: sql`case when ${param(`${prefix}started`)}::boolean then coalesce(${requestSteps.startedAt}, now()) else ${requestSteps.startedAt} end`,
    finishedAt: sql`case when ${param(`${prefix}finished`)}::boolean then now() else ${requestSteps.finishedAt} end`,
  };
}

function prepareStepWrites(db: Database) {
  const claim = owned(db, { requestServerId: param("requestServerId"), generation: param("generation") });
  const ended = db.$with("ended").as(
    db
      .update(requestSteps)
      .set(preparedStepValues())
      .where(and(eq(requestSteps.id, param("stepId")), exists(db.select().from(claim))))
      .returning({ id: requestSteps.id }),
  );
  // The next step starts unless the request it belongs to (`cancelOf`, when it starts new work) was cancelled meanwhile.
  const cancelled = db
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.id, sql`${param("cancelOf")}::int`), isNotNull(requests.cancelRequestedAt)));
  const started = db.$with("started").as(
    db
      .update(requestSteps)
      .set({ status: "running", startedAt: sql`coalesce(${requestSteps.startedAt}, now())` })
      .where(and(eq(requestSteps.id, param("nextId")), exists(db.select().from(ended)), notExists(cancelled)))
      .returning({ id: requestSteps.id }),
  );
  // Hands over (see `handOver`): the step, the server's next generation, and the job of that generation.
  const bumped = db.$with("bumped").as(
    db
      .update(requestServers)
      .set({ generation: sql`${param("next")}::int` })
      .where(inArray(requestServers.id, db.select({ id: claim.id }).from(claim)))
      .returning({ id: requestServers.id }),
  );
  // The BMC's lease parked until the next job (an unreferenced data-modifying CTE still runs), only with the hand-over.
  const parked = db.$with("parked").as(preparedLeasePark(db, exists(db.select().from(bumped))));
  // The step before the waiting one, ended by the same hand-over (`priorId` null: none).
  const prior = db.$with("prior").as(
    db
      .update(requestSteps)
      .set(preparedStepValues("prior_"))
      .where(and(eq(requestSteps.id, sql`${param("priorId")}::int`), exists(db.select().from(ended))))
      .returning({ id: requestSteps.id }),
  );
  // The audit log's versions a step's end carries (`saveStep`, `saveStepAndStart`), written with it.
  const audited = db.$with("audited").as(
    db
      .update(requestServers)
      .set({
        versionsBefore: sql`coalesce(${param("auditBefore")}::jsonb, ${requestServers.versionsBefore})`,
        versionsAfter: sql`coalesce(${param("auditAfter")}::jsonb, ${requestServers.versionsAfter})`,
      })
      .where(and(inArray(requestServers.id, db.select({ id: claim.id }).from(claim)), sql`(${param("auditBefore")}::jsonb is not null or ${param("auditAfter")}::jsonb is not null)`))
      .returning({ id: requestServers.id }),
  );
  return {
    handOver: db.with(claim, ended, prior, bumped, parked).select({ job: serverJobCall(bumped.id, sql`${param("next")}::int`, param("runAt")) }).from(bumped).prepare("remediation_hand_over"),
    mark: db
      .with(claim)
      .update(requestSteps)
      .set({ status: sql`${param("status")}`, message: sql`${param("message")}`, finishedAt: sql`now()` })
      .where(and(sql`${requestSteps.id} = any(${param("ids")}::int[])`, exists(db.select().from(claim))))
      .returning({ id: requestSteps.id })
      .prepare("remediation_mark_steps"),
    save: db.with(claim, audited).update(requestSteps).set(preparedStepValues()).where(and(eq(requestSteps.id, param("stepId")), exists(db.select().from(claim)))).returning({ id: requestSteps.id }).prepare("remediation_save_step"),
    saveAndStart: db
      .with(claim, ended, started, audited)
      .select({ started: sql<number | null>`(select ${sql.identifier("id")} from ${started})` })
      .from(ended)
      .prepare("remediation_save_step_and_start"),
  };
}

// A job writes each step two or three times and most jobs end in a hand-over: these statements are built
// once per database handle (building SQL was drizzle's largest cost in the worker's profile).
const writersOf = oncePerDatabase(prepareStepWrites);

/** A step patch as the placeholders of `preparedStepValues(prefix)` take it. */
function patchValues(patch: StepPatch, prefix = "") {
  return {
    [`${prefix}status`]: patch.status ?? null,
    [`${prefix}message`]: patch.message ?? null,
    // drizzle hands jsonb parameters to the driver as text.
    [`${prefix}state`]: patch.state === undefined ? null : JSON.stringify(patch.state),
    [`${prefix}started`]: patch.started === true,
    [`${prefix}finished`]: patch.finished === true,
  };
}

function stepWrite(db: Database, owner: Owner, stepId: number, patch: StepPatch, audit: AuditVersions = {}) {
  const auditValues = { auditBefore: audit.before ? JSON.stringify(audit.before) : null, auditAfter: audit.after ? JSON.stringify(audit.after) : null };
  return { writers: writersOf(db), values: { ...owner, stepId, ...patchValues(patch), ...auditValues } };
}

/** Writes one step (and `audit`, the versions its end logs), only while this job owns its server. */
export async function saveStep(db: Database, owner: Owner, stepId: number, patch: StepPatch, audit?: AuditVersions): Promise<void> {
  const { writers, values } = stepWrite(db, owner, stepId, patch, audit);
  if (!(await writers.save.execute(values)).length) throw new SupersededError(owner.requestServerId);
}

/**
 * Ends one step and starts the next in one statement (steps run back to back in one job): the same two
 * rows as two `saveStep` calls (and `audit`), only while this job owns its server. With `cancelOf` (the next step starts
 * new work: the request's id), the next step starts only if that request was not cancelled (its cancel
 * check, in the same statement). Answers whether the next step started.
 */
export async function saveStepAndStart(db: Database, owner: Owner, stepId: number, patch: StepPatch, nextId: number, cancelOf: number | null, audit?: AuditVersions): Promise<boolean> {
  const { writers, values } = stepWrite(db, owner, stepId, patch, audit);
  const [row] = await writers.saveAndStart.execute({ ...values, nextId, cancelOf });
  if (!row) throw new SupersededError(owner.requestServerId);
  return row.started !== null;
}

/** Marks a set of steps (components skipped, work cancelled) in one statement. */
export async function markSteps(db: Database, owner: Owner, stepIds: number[], status: RequestStepRow["status"], message: string): Promise<void> {
  if (!stepIds.length) return;
  if (!(await writersOf(db).mark.execute({ ...owner, ids: stepIds, status, message })).length) throw new SupersededError(owner.requestServerId);
}

/** A step ended by the hand-over of the step after it. */
export type PriorStep = { stepId: number; patch: StepPatch };
const NO_PRIOR_STEP = { priorId: null, ...patchValues({}, "prior_") };

/**
 * Hands the server over to a job running at `runAt` (the step waiting meanwhile): the step's record,
 * the new generation and the job commit together (one statement), so a job of this generation that
 * runs again after a crash finds itself superseded and does nothing. `lease`: the job's BMC lease, parked
 * until the next job in the same statement. `prior`: the step before, ended in the same statement (the
 * waiting step's first run only waited).
 */
export async function handOver(db: Database, owner: Owner, stepId: number, patch: StepPatch, runAt: Date, lease: LeaseParkValues = NO_LEASE_PARK, prior?: PriorStep): Promise<void> {
  const { writers, values } = stepWrite(db, owner, stepId, patch);
  const next = owner.generation + 1;
  const priorValues = prior ? { priorId: prior.stepId, ...patchValues(prior.patch, "prior_") } : NO_PRIOR_STEP;
  const handed = await writers.handOver.execute({ ...values, ...priorValues, next, runAt: runAt.toISOString(), ...lease });
  if (!handed.length) throw new SupersededError(owner.requestServerId);
  wakeWorkerAt(runAt);
}

/**
 * A server that succeeded hands its place to the next pending server in one statement, without the request's
 * row lock: each server that ends starts at most one (so max_parallel holds), and servers ending together take
 * different ones (SKIP LOCKED). Answers whether the server ended, and whether the next one started.
 */
function preparePassOn(db: Database) {
  const requestGoesOn = db
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.id, param("requestId")), eq(requests.status, "running"), isNull(requests.cancelRequestedAt)));
  const claim = owned(db, { requestServerId: param("requestServerId"), generation: param("generation") });
  const ended = db.$with("ended").as(
    db
      .update(requestServers)
      .set({ status: "succeeded", message: sql`${param("message")}`, finishedAt: sql`now()`, generation: sql`${param("next")}::int` })
      .where(and(inArray(requestServers.id, db.select({ id: claim.id }).from(claim)), exists(requestGoesOn)))
      .returning({ id: requestServers.id }),
  );
  const turn = db.$with("turn").as(pendingInTurn(db, param("requestId"), 1, exists(db.select().from(ended))));
  const started = startServers(db, db.select({ id: turn.id }).from(turn).where(eq(turn.protected, false)));
  const jobs = db.$with("jobs").as(db.select({ job: serverJobCall(started.id, started.generation) }).from(started));
  return db
    .with(claim, ended, turn, started, jobs)
    .select({ ended: sql<number>`(select count(*) from ${ended})::int`, started: sql<number>`(select count(*) from ${jobs})::int` })
    .from(sql`(values (1)) as one`)
    .prepare("remediation_pass_on");
}

const passOnOf = oncePerDatabase(preparePassOn);

/**
 * Ends the server's part (its remaining steps marked by the caller) and lets the request go on. A server that
 * succeeded starts the next one itself (`preparePassOn`), unless the request is being cancelled, counts failures
 * (stop_after_failures), has no unprotected server next, or ends: those take the request's lock (`advanceRequest`),
 * after a pass-on only when there is something to do (`advanceAfterPassOn`).
 */
export async function finishServer(db: Database, owner: Owner, request: Pick<RequestRow, "id" | "type" | "data">, status: RequestStatus, message: string): Promise<void> {
  if (status === "succeeded" && targetOf(request, []).stopAfterFailures === null) {
    const [passed] = await passOnOf(db).execute({ ...owner, next: owner.generation + 1, requestId: request.id, message });
    if (passed?.started) return;
    if (passed?.ended) return advanceAfterPassOn(db, request.id);
  }
  await db.transaction(async (tx) => {
    await claim(tx, owner);
    await tx
      .update(requestServers)
      .set({ status, message, finishedAt: sql`now()`, generation: owner.generation + 1 })
      .where(eq(requestServers.id, owner.requestServerId));
    await advanceRequest(tx, undefined, request.id);
  });
}

/** Steps of the server not over yet, from `position` on. */
export const openStepsFrom = (steps: RequestStepRow[], position: number) => steps.filter((step) => step.position >= position && !STEP_OVER.has(step.status));
export const STEP_OVER = new Set(["succeeded", "failed", "skipped", "cancelled"]);

/** Used by the exhausted-job handler: a server whose job died for good fails with `message`. */
export async function failAbandonedServer(db: DbExecutor, requestServerId: number, message: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [part] = await tx.select().from(requestServers).where(and(eq(requestServers.id, requestServerId), eq(requestServers.status, "running"))).for("update");
    if (!part) return;
    await tx.update(requestSteps).set({ status: "cancelled", message: "Not run: the server's job was abandoned.", finishedAt: sql`now()` }).where(and(eq(requestSteps.requestServerId, requestServerId), inArray(requestSteps.status, ["pending"])));
    await tx.update(requestServers).set({ status: "failed", message, finishedAt: sql`now()`, generation: sql`${requestServers.generation} + 1` }).where(eq(requestServers.id, requestServerId));
    await advanceRequest(tx, undefined, part.requestId);
  });
}
