import { setTimeout as pause } from "node:timers/promises";
import { installedVersionFrom, readFirmwareInventory, readInstalledVersion, type ComponentRef } from "~/server/redfish";
import { waitAskedBy } from "./failures";
import { openStepsFrom } from "./persist";
import { done, fail, wait, type StepOutcome, type StepRun } from "./step-types";
import type { TaskOutcome } from "./step-wait";

type ConfirmState = { since?: number; good?: number; last?: string | null };

/**
 * Confirms by inventory: the target version (a BMC: three good reads in a row, its answers are unstable
 * after its own flash). A version that changed but is spelled otherwise than the binary's is said plainly
 * and accepted: the flash happened, and flashing again would loop. The old version past the budget fails
 * the server.
 *
 * A series of good reads goes on in the same job, one poll interval (at most 1 s) apart: handing each short
 * pause over to a new job cost more (a job's fixed database and queue work) than the slot it freed. A read
 * that fails or shows the old version re-schedules the step, as any wait for the BMC does. The reads change
 * nothing, so a job killed in the middle of a series only starts it again.
 */
export async function confirmComponentVersion(run: StepRun): Promise<StepOutcome> {
  const interval = Math.min(run.timeouts.pollIntervalMs, 1000);
  let state = run.step.state as ConfirmState;
  for (;;) {
    const outcome = await readOnce(run, state, interval);
    if (outcome.kind !== "wait" || !(outcome.state as ConfirmState).good) return outcome;
    await pause(interval, undefined, { signal: run.signal });
    state = outcome.state as ConfirmState;
  }
}

async function readOnce(run: StepRun, state: ConfirmState, interval: number): Promise<StepOutcome> {
  const { plan, ref, before, earlier } = run.component();
  const since = state.since ?? Date.now();
  const needed = plan.firmware_type === "bmc" ? 3 : 1;
  const budget = plan.firmware_type === "bmc" ? run.timeouts.bmcReturnMs : run.timeouts.powerOnMs;
  let version: string | null;
  try {
    // A version this job read just before (the restart's look that saw it) is the first read.
    const fresh = run.fresh.versions.get(plan.firmware_type);
    run.fresh.versions.delete(plan.firmware_type);
    version = fresh !== undefined ? fresh : await readVersion(run, plan.firmware_type, ref);
  } catch (error) {
    // A BMC back from its own flash answers erratically for a while: the series starts again.
    if (Date.now() - since > budget) throw error;
    return wait(Math.max(interval, waitAskedBy(error)), `Reading the version again: ${error instanceof Error ? error.message : String(error)}`, { since, good: 0, last: null });
  }
  const changed = version !== null && (version === plan.to_version || version !== before || plan.to_version === before);
  if (!changed) {
    if (Date.now() - since > budget) {
      const said = (earlier as TaskOutcome).outcome === "already_present" ? "The BMC said the image was already present, but it" : "The BMC";
      return fail(`${said} still reports ${version ?? "no version"} ${Math.round(budget / 1000)} s after the update (expected ${plan.to_version}).`);
    }
    return wait(interval, `The BMC still reports ${version ?? "no version"}.`, { since, good: 0, last: version });
  }
  const good = state.last === version ? (state.good ?? 0) + 1 : 1;
  if (good < needed) return wait(interval, `Read ${version} (${good} of ${needed}).`, { since, good, last: version });
  if (version === plan.to_version) return done(`Confirmed: the BMC reports ${version}.`);
  return done(`Flashed; the BMC now reports ${version}; the binary's version is ${plan.to_version}. Not flashed again: compliance compares the exact spelling.`);
}

/**
 * The component's version as the BMC reports it. The last confirmation before the final log of versions (not a BMC's:
 * it takes three reads) reads the whole firmware inventory, which that log then stores (nothing is sent in between):
 * one reading instead of the entry and then the inventory.
 */
async function readVersion(run: StepRun, type: string, ref: ComponentRef): Promise<string | null> {
  const client = await run.client();
  if (type === "bmc" || openStepsFrom(run.steps, run.step.position + 1)[0]?.name !== "log_new_versions") return readInstalledVersion(client, ref);
  const reading = await readFirmwareInventory(client);
  run.fresh.firmware = reading;
  return installedVersionFrom(client, reading, ref);
}
