import { setMaxListeners } from "node:events";
import { getDb, getDeferredCommitDb, type Database } from "~/db/client";
import type { RequestRow, RequestStepRow } from "~/db/schema";
import { registrationSettings } from "~/server/config";
import type { RedfishClient } from "~/server/redfish";
import type { RedfishProtocol } from "~/server/redfish/probe";
import { BmcBusyError, type BmcLease, leaseFromTake, leaseTake } from "../bmc-operations";
import { credentialsInTryOrder, loadRegistrationProfile } from "../inventory/profile";
import { borrowClient, returnClient } from "./bmc-clients";
import { componentContext } from "./component";
import { advanceRequestInTransaction } from "./coordinator";
import { cancelRequested, loadServerPart, remediationLeaseDescription } from "./load";
import { classifyFailure } from "./failures";
import { targetOf } from "./options";
import { finishServer, handOver, markSteps, openStepsFrom, type PriorStep, saveStep, saveStepAndStart, STEP_OVER, SupersededError, type Owner } from "./persist";
import { timeoutsFor } from "./settings";
import { FIRST_WAITS, STEP_RUNNERS } from "./step-runners";
import { noReadings, type StepOutcome, type StepRun, type StepState } from "./step-types";

const SYSTEM = { kind: "system" } as const;
// Time a parked lease outlives the wait it covers (the next job may start late).
const LEASE_MARGIN_MS = 120_000;
const BUSY_RETRY_MS = 5_000;

/** Steps that start new work on the BMC: a cancel stops before them (an accepted flash finishes its own steps). */
const startsNewWork = (step: RequestStepRow) =>
  step.name === "compliance_check" || step.name === "log_versions" || step.name === "check_binary" || step.name === "clear_job_queue" || (step.name === "send_update" && step.status === "pending");

/**
 * One job of a server's part in a request: runs its steps in order, each persisted before and after,
 * until one must wait (the server is handed over to a job at `run_at`) or the server ends. A job whose
 * generation is not the server's any more does nothing.
 */
export async function runServerJob(requestServerId: number, generation: number, signal: AbortSignal): Promise<void> {
  // A step redone after a crash of PostgreSQL itself only reads or looks again, so the job's writes need not wait for
  // the WAL flush (with graphile-worker's, 10-13 % of PostgreSQL's CPU in the 1,000-server bench); `save` below,
  // which precedes a send, does.
  const db = getDeferredCommitDb();
  const owner: Owner = { requestServerId, generation };
  const take = leaseTake("remediation", `remediation:request-server:${requestServerId}`);
  const loaded = await loadServerPart(db, owner, take);
  if (!loaded) return;
  // This job ended its server (an end moves the generation on by one), but its worker died before the request went on
  // after it: with no later end to do it, the request would stay running.
  if (loaded.part.status !== "running" && loaded.part.generation === generation + 1) return advanceRequestInTransaction(db, loaded.request.id);
  if (loaded.part.generation !== generation || loaded.part.status !== "running") return;
  const { part, request, server, node } = loaded;
  const steps = loaded.steps;
  if (!node) return finishWith(db, owner, request, steps, "failed", `Server "${server.name}" has no BMC on record.`);
  let lease: BmcLease;
  try {
    lease = await leaseFromTake(db, node, take, remediationLeaseDescription(request.id), loaded.lease);
  } catch (error) {
    if (!(error instanceof BmcBusyError)) throw error;
    const step = steps.find((candidate) => !STEP_OVER.has(candidate.status))!;
    return handOver(db, owner, step.id, { message: error.message }, new Date(Date.now() + BUSY_RETRY_MS));
  }
  const jobSignal = AbortSignal.any([signal, lease.signal]);
  setMaxListeners(0, jobSignal);
  let client: RedfishClient | undefined;
  let waitedMs: number | null = null;
  try {
    // Requests are bounded by their timeout; the job's signal (lease lost, worker stopping) goes to the update calls.
    const connect = async () =>
      (client ??= await borrowClient(node.id, async () => ({
        host: node.ip,
        port: node.port,
        protocol: node.protocol as RedfishProtocol,
        // Read (and decrypted) only for a new login, not when the server's previous job left its client.
        credentials: node.authProfileId === null ? [] : credentialsInTryOrder(await loadRegistrationProfile({ actor: SYSTEM, db }, node.authProfileId), node.credentialId),
        tls: { pinnedSha256: node.certificateSha256 ?? "" },
        timeoutMs: registrationSettings.requestTimeoutMs,
        retries: 1,
        // A BMC that names when to come back (restarting after its own flash, busy) is looked at again by a later
        // job, then: waiting in the request would hold the worker slot.
        retryPolicy: { maxRetryAfterMs: 2000, maxInlineRetryAfterMs: 0 },
        // One request at a time: one kept-alive connection per server (each new one costs a TLS handshake on both sides).
        maxInFlight: 1,
      })));
    const target = targetOf(request, [server.id]);
    const fresh = noReadings();
    // The job's opening read is a cancel check for its first step: the request's row, read a moment ago.
    let requestJustRead = true;
    for (;;) {
      const step = steps.find((candidate) => !STEP_OVER.has(candidate.status));
      if (!step) return await finishWith(db, owner, request, steps, outcomeOf(steps), messageOf(steps));
      const cancelled = () => (requestJustRead ? request.cancelRequestedAt !== null : cancelRequested(db, request.id));
      if (startsNewWork(step) && !begunAfterCancelCheck.has(step) && (await cancelled())) {
        await cancelRemaining(db, owner, steps);
        continue;
      }
      requestJustRead = false;
      if (step.status === "pending") {
        await saveStep(db, owner, step.id, { status: "running", started: true });
        step.status = "running";
      }
      const run = stepRun({ db, request, target, part, server, node, steps, lease, signal: jobSignal, fresh, client: connect }, owner, step);
      const outcome = await runStep(run);
      const applied = await apply(db, owner, run, outcome);
      if (applied !== null) {
        waitedMs = applied;
        return;
      }
    }
  } catch (error) {
    waitedMs = null;
    if (error instanceof SupersededError) return;
    throw error;
  } finally {
    if (client) await returnClient(node.id, client, waitedMs).catch(() => undefined);
    // A server handed over to a later job had its lease parked by the hand-over itself.
    if (waitedMs === null) await lease.release().catch(() => undefined);
  }
}

/** The run of `step` in this job: what the job's steps share (`job`), and what is the step's own. */
function stepRun(job: Omit<StepRun, "step" | "timeouts" | "save" | "component">, owner: Owner, step: RequestStepRow): StepRun {
  return {
    ...job,
    step,
    timeouts: timeoutsFor(job.server.manufacturer, step.component ?? "other"),
    save: async (patch) => {
      await saveStep(getDb(), owner, step.id, patch);
      Object.assign(step, patch);
    },
    component: () => componentContext(job.steps, step.component!, step.position),
  };
}

/** The step's outcome; BMC faults become a retry with backoff within the fault budget, or the server's failure. */
async function runStep(run: StepRun): Promise<StepOutcome> {
  const faults = (run.step.state.faults as { since: number; count: number } | undefined) ?? null;
  try {
    const outcome = await STEP_RUNNERS[run.step.name]!(run);
    // A step that got through clears its fault record (undefined is dropped from the stored JSON).
    return faults ? { ...outcome, state: { ...outcome.state, faults: undefined } } : outcome;
  } catch (error) {
    if (run.signal.aborted) throw error;
    return classifyFailure(run, error, faults);
  }
}

/** Persists an outcome; answers the wait in ms when the server was handed over to a later job, else null. */
async function apply(db: Database, owner: Owner, run: StepRun, outcome: StepOutcome): Promise<number | null> {
  if (outcome.kind === "wait") return handOverWait(db, owner, run, outcome);
  const { step, steps } = run;
  const state: StepState = outcome.state === undefined ? step.state : { ...step.state, ...outcome.state };
  const status = outcome.kind === "fail" ? "failed" : outcome.skipped ? "skipped" : "succeeded";
  const message = outcome.message ?? "";
  const next = outcome.kind === "done" && !outcome.skipComponents?.length ? openStepsFrom(steps, step.position + 1)[0] : undefined;
  const ended = { status, state, message, finished: true };
  const audit = outcome.kind === "done" ? outcome.audit : undefined;
  // The job's copy of the step ends first: a next step that only waits reads it (the send it follows).
  Object.assign(step, { status, state, message });
  if (next?.status === "pending") {
    // The next step's first run may only wait (a task looked at later): it waits, and this step ends, in its hand-over.
    const nextRun = stepRun(run, owner, next);
    const firstWait = audit ? null : FIRST_WAITS[next.name]?.(nextRun);
    if (firstWait) return handOverWait(db, owner, nextRun, firstWait, { stepId: step.id, patch: ended });
    // A next step that starts new work starts only if the request was not cancelled (checked in the same statement);
    // if it was, it stays pending and the loop's cancel check before it cancels what is left.
    if (await saveStepAndStart(db, owner, step.id, ended, next.id, startsNewWork(next) ? run.request.id : null, audit)) {
      next.status = "running";
      begunAfterCancelCheck.add(next);
    }
  } else {
    await saveStep(db, owner, step.id, ended, audit);
  }
  if (outcome.kind === "fail") {
    const rest = openStepsFrom(steps, step.position + 1);
    await markSteps(db, owner, rest.map((other) => other.id), "cancelled", "Not run: an earlier step failed.");
    for (const other of rest) other.status = "cancelled";
  }
  for (const skip of outcome.kind === "done" ? (outcome.skipComponents ?? []) : []) {
    const skipped = steps.filter((other) => other.component === skip.type && !STEP_OVER.has(other.status));
    await markSteps(db, owner, skipped.map((other) => other.id), "skipped", skip.message);
    for (const other of skipped) Object.assign(other, { status: "skipped", message: skip.message });
  }
  return null;
}

/** Hands the server over to a job that runs the step again after the wait (`prior`: the step before, ended with it). */
async function handOverWait(db: Database, owner: Owner, run: StepRun, outcome: Extract<StepOutcome, { kind: "wait" }>, prior?: PriorStep): Promise<number> {
  const { step } = run;
  const state: StepState = outcome.state === undefined ? step.state : { ...step.state, ...outcome.state };
  // A send that failed transiently stays `sending`: the next run asks the BMC before sending again.
  const status = outcome.status ?? (step.status === "sending" ? "sending" : "waiting");
  const runAt = new Date(Date.now() + outcome.afterMs);
  await handOver(db, owner, step.id, { status, state, message: outcome.message ?? step.message, started: true }, runAt, run.lease.parkValues(outcome.afterMs + LEASE_MARGIN_MS), prior);
  return outcome.afterMs;
}

// Steps this job started together with the end of the previous one, after their cancel check (rows are loaded per job).
const begunAfterCancelCheck = new WeakSet<RequestStepRow>();

/**
 * Cancel: what is not started is cancelled; a flash the BMC accepted keeps its own later steps (its
 * task, the shared restart, its confirmation) and the final log of versions.
 */
async function cancelRemaining(db: Database, owner: Owner, steps: RequestStepRow[]): Promise<void> {
  const sent = new Set(steps.filter((step) => step.name === "send_update" && step.status === "succeeded").map((step) => step.component));
  const finishes = (step: RequestStepRow) => (step.component ? sent.has(step.component) : sent.size > 0 && (step.name === "restart_host" || step.name === "log_new_versions"));
  const rest = steps.filter((step) => !STEP_OVER.has(step.status) && !finishes(step));
  await markSteps(db, owner, rest.map((step) => step.id), "cancelled", "Not run: the request was cancelled.");
  for (const step of rest) step.status = "cancelled";
}

const outcomeOf = (steps: RequestStepRow[]) => (steps.some((step) => step.status === "failed") ? "failed" : steps.some((step) => step.status === "cancelled") ? "cancelled" : "succeeded");
const messageOf = (steps: RequestStepRow[]) => steps.find((step) => step.status === "failed")?.message ?? (steps.some((step) => step.status === "cancelled") ? "The request was cancelled." : "");

async function finishWith(db: Database, owner: Owner, request: RequestRow, steps: RequestStepRow[], status: "succeeded" | "failed" | "cancelled", message: string) {
  const open = steps.filter((step) => !STEP_OVER.has(step.status));
  await markSteps(db, owner, open.map((step) => step.id), "cancelled", message);
  await finishServer(db, owner, request, status, message);
}
