import { powerOn, readInstalledVersion, readPowerState, restartHost } from "~/server/redfish";
import { remediationSettings } from "./settings";
import { done, fail, wait, type StepOutcome, type StepRun } from "./step-types";
import type { TaskOutcome } from "./step-wait";

type RestartState = { phase?: "graceful" | "forced"; sentAt?: number; sawDown?: boolean; powerOnWhenOff?: boolean };

// Power transitions take seconds: looked at more often than a task.
const powerPoll = (run: StepRun) => Math.min(run.timeouts.pollIntervalMs, 1000);

/**
 * Restarts the host so a staged component takes effect: a graceful restart, then a forced one when
 * the host has not gone down within the graceful budget; done once the host went down and is on again
 * (or the new version already shows). Each look is a re-scheduled job, never a wait in a worker slot.
 */
export async function restartForComponent(run: StepRun): Promise<StepOutcome> {
  const task = run.component().earlier as TaskOutcome & { hostOff?: boolean };
  if (task.outcome === "already_present") return { kind: "done", skipped: true, message: "Nothing was applied: no restart needed." };
  if (task.hostOff) return { kind: "done", skipped: true, message: "The host was powered off for the flash and on again after it: no restart needed." };
  const state = run.step.state as RestartState;
  const client = await run.client();
  const system = run.server.systemPath;
  if (!state.phase) return sendReset(run, "graceful", state);
  const { plan, ref, before } = run.component();
  const power = await readPowerState(client, system);
  const elapsed = Date.now() - state.sentAt!;
  if (power !== "On") {
    if (power === "Off" && state.powerOnWhenOff) await powerOn(client, system);
    if (elapsed > run.timeouts.gracefulRestartMs + run.timeouts.powerOnMs) return fail(`The host is still ${power} ${Math.round(elapsed / 1000)} s after the restart.`);
    return wait(powerPoll(run), `Host ${power}.`, { ...state, sawDown: true });
  }
  if (state.sawDown) return done(`Host restarted (${state.phase}) and on.`);
  const version = await readInstalledVersion(client, ref);
  if (version !== before && version !== null) return done(`Host restarted (${state.phase}); the BMC reports ${version} (target ${plan.to_version}).`);
  if (state.phase === "graceful" && elapsed > run.timeouts.gracefulRestartMs) return sendReset(run, "forced", state);
  if (state.phase === "forced" && elapsed > run.timeouts.powerOnMs) return fail(`The host did not restart within ${run.timeouts.powerOnMs / 1000} s of a forced restart.`);
  return wait(powerPoll(run), `Waiting for the host to restart (${state.phase}).`, state);
}

async function sendReset(run: StepRun, phase: "graceful" | "forced", state: RestartState): Promise<StepOutcome> {
  const outcome = await restartHost(await run.client(), run.server.systemPath, phase);
  if (!outcome.accepted) return wait(powerPoll(run), `The BMC refused the restart for now: ${outcome.message ?? "a power transition is under way"}.`, state);
  return wait(powerPoll(run), `${outcome.resetType} sent.`, { phase, sentAt: Date.now(), sawDown: false, powerOnWhenOff: outcome.powerOnWhenOff });
}

/** apply_time on_reset: staged; the step waits (rarely polled, no worker slot) until the operator's restart makes the new version show. */
export async function waitForReset(run: StepRun): Promise<StepOutcome> {
  const { plan, ref } = run.component();
  const version = await readInstalledVersion(await run.client(), ref);
  if (version === plan.to_version) return done(`The new version ${version} shows.`);
  return { kind: "wait", afterMs: remediationSettings.resetPollMs, status: "waiting_for_reset", message: `Staged: restart the host to apply ${plan.to_version} (the BMC reports ${version ?? "nothing"}).` };
}
