import { setTimeout as pause } from "node:timers/promises";
import type { StepRun } from "./step-types";

/**
 * Looks at a wait that is about to end again in the same job, after a pause, instead of handing the server over:
 * a new job costs more (its database and queue work) than the worker slot a short pause holds. A job spends at
 * most one poll interval (and never more than 1 s) pausing so; the pauses are a quarter of that at the least.
 */
export function inJobLooks(run: Pick<StepRun, "timeouts" | "signal">) {
  let leftMs = Math.min(run.timeouts.pollIntervalMs, 1000);
  return {
    floorMs: leftMs / 4,
    /** Pauses `delayMs` and answers true when the job may still spend it; false: hand the wait over instead. */
    async pause(delayMs: number): Promise<boolean> {
      if (delayMs > leftMs) return false;
      leftMs -= delayMs;
      await pause(delayMs, undefined, { signal: run.signal });
      return true;
    },
  };
}
