import { errorSummary } from "~/server/lib/describe-error";
import { isTransientBmcError, RedfishError, RedfishProtocolError } from "~/server/redfish";
import { ValidationError } from "../errors";
import { remediationSettings } from "./settings";
import { fail, wait, type StepOutcome, type StepRun } from "./step-types";

const BACKOFF_MAX_MS = 30_000;

/**
 * A step that threw: BMC faults (unreachable, 5xx, busy, a failed re-read of the inventory) are
 * retried with exponential backoff until the fault budget runs out, then fail the server; other BMC
 * errors (refused credentials, certificate, 4xx) fail it at once. Anything else is a bug or the
 * database: thrown, for graphile-worker to retry the job.
 */
export function classifyFailure(run: StepRun, error: unknown, faults: { since: number; count: number } | null): StepOutcome {
  const transient = isTransientBmcError(error) || (error instanceof RedfishError && error.kind === "unreachable") || error instanceof ValidationError;
  if (!transient) {
    if (error instanceof RedfishError) return fail(errorSummary(error));
    throw error;
  }
  const since = faults?.since ?? Date.now();
  const count = (faults?.count ?? 0) + 1;
  const budget = remediationSettings.faultBudgetMs;
  if (Date.now() - since > budget) return fail(`The BMC kept failing for ${Math.round(budget / 1000)} s (${count} attempts): ${errorSummary(error)}`);
  // From the poll interval up, doubling: a BMC rebooting after its own flash is back within seconds. A BMC that said
  // when to come back (Retry-After) is not asked before that.
  const backoff = Math.min(run.timeouts.pollIntervalMs, 1000) * 2 ** (count - 1);
  const delay = Math.min(Math.max(backoff, waitAskedBy(error)), BACKOFF_MAX_MS);
  return wait(delay, `BMC fault, retrying in ${delay / 1000} s (attempt ${count}): ${errorSummary(error)}`, { faults: { since, count } });
}

/** The wait a BMC's error answer asked for (`Retry-After`), 0 when it named none. */
export function waitAskedBy(error: unknown): number {
  return error instanceof RedfishProtocolError ? (error.retryAfterMs ?? 0) : 0;
}
