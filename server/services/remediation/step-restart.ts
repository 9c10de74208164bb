import { powerOn, readInstalledVersion, readSystemPower, restartHost } from "~/server/redfish";
import { remediationSettings } from "./settings";
import { done, fail, wait, type StepOutcome, type StepRun } from "./step-types";
import { componentContext } from "./component";
import { inJobLooks } from "./in-job-looks";
import { bringServerJobsForward } from "./jobs";
import { learnedLookMs, learnedWaitKey, nextLookMs, noteWaitEnded, noteWaitUnfinished } from "./learned-waits";
import type { SendState } from "./step-send";
import type { TaskOutcome } from "./step-wait";

type RestartState = { phase?: "graceful" | "forced"; sentAt?: number; sawDown?: boolean; powerOnWhenOff?: boolean };

// Power transitions take seconds: looked at more often than a task.
const powerPoll = (run: StepRun) => Math.min(run.timeouts.pollIntervalMs, 1000);

/** The components flashed before this restart whose update still needs it (something was applied, the host was not already cycled). */
function needingRestart(run: StepRun) {
  return run.steps
    // The components laid out around this restart: flashed before it, confirmed after it (see stepLayout).
    .filter((step) => step.name === "confirm_version" && step.component && step.position > run.step.position && step.status !== "skipped" && step.status !== "cancelled")
    .map((step) => componentContext(run.steps, step.component!, run.step.position))
    .filter(({ earlier }) => (earlier as TaskOutcome).outcome !== "already_present" && !(earlier as SendState).installed && !(earlier as SendState).hostOff);
}

/**
 * Restarts the host once for every component flashed before it that needs it: a graceful restart,
 * then a forced one when the host has not gone down within the graceful budget; done once the host
 * went down and is on again (or a new version already shows). Each look is a re-scheduled job, not a
 * wait in a worker slot, but for a short pause when hosts of the model came back about now (`inJobLooks`).
 */
export async function restartForUpdates(run: StepRun): Promise<StepOutcome> {
  const pending = needingRestart(run);
  if (!pending.length) return { kind: "done", skipped: true, message: "Nothing flashed needs a restart (nothing applied, or the host was powered off for the flash and on again)." };
  const state = run.step.state as RestartState;
  const client = await run.client();
  const system = run.server.systemPath;
  if (!state.phase) return sendReset(run, "graceful", state);
  const { plan, ref, before } = pending[0]!;
  const restartKey = restartKeyOf(run);
  const looks = inJobLooks(run);
  let sawDown = state.sawDown === true;
  let reading = await readSystemPower(client, system);
  let elapsed = Date.now() - state.sentAt!;
  while (reading.power !== "On") {
    if (reading.power === "Off" && state.powerOnWhenOff) await powerOn(client, system);
    if (elapsed > run.timeouts.gracefulRestartMs + run.timeouts.powerOnMs) return fail(`The host is still ${reading.power} ${Math.round(elapsed / 1000)} s after the restart.`);
    // Seen down: the next look comes when a host of this model was seen back soonest (in this job when that is about now).
    noteWaitUnfinished(restartKey, elapsed);
    sawDown = true;
    if (!(await looks.pause(learnedLookMs(restartKey, looks.floorMs, restartCap(run, state.phase), elapsed)))) {
      const nextLook = nextLookMs(restartKey, run.part.id, powerPoll(run), restartCap(run, state.phase), elapsed);
      return wait(nextLook, `Host ${reading.power}.`, { ...state, sawDown });
    }
    reading = await readSystemPower(client, system);
    elapsed = Date.now() - state.sentAt!;
  }
  const updated = pending.map((component) => component.plan.firmware_type).join(", ");
  if (sawDown) {
    await bringServerJobsForward(run.db, noteWaitEnded(restartKey, elapsed));
    return done(`Host restarted (${state.phase}) and on, for ${updated}.`);
  }
  // A BIOS's version is in the system just read.
  const version = await readInstalledVersion(client, ref, reading.system);
  if (version !== before && version !== null) {
    await bringServerJobsForward(run.db, noteWaitEnded(restartKey, elapsed));
    run.fresh.versions.set(plan.firmware_type, version);
    return done(`Host restarted (${state.phase}); the BMC reports ${plan.firmware_type} ${version}.`);
  }
  if (state.phase === "graceful" && elapsed > run.timeouts.gracefulRestartMs) return sendReset(run, "forced", state);
  if (state.phase === "forced" && elapsed > run.timeouts.powerOnMs) return fail(`The host did not restart within ${run.timeouts.powerOnMs / 1000} s of a forced restart.`);
  return wait(powerPoll(run), `Waiting for the host to restart (${state.phase}).`, state);
}

/**
 * The first look after a reset comes when a host of this model was seen back soonest (the looks before it would
 * only see it down), but only when the version shows the restart: a look that comes after the host was down and on
 * again sees no down phase. Otherwise (a reinstall of the same version, a version unknown before) it comes after the
 * power poll, to see the host go down.
 */
export function firstRestartLookMs(run: StepRun, phase: "graceful" | "forced"): number {
  const { plan, before } = needingRestart(run)[0]!;
  if (before === null || plan.to_version === before) return powerPoll(run);
  return nextLookMs(restartKeyOf(run), run.part.id, powerPoll(run), restartCap(run, phase));
}

const restartKeyOf = (run: StepRun) => learnedWaitKey("host_restart", run.server);

const restartCap = (run: StepRun, phase: "graceful" | "forced") => (phase === "graceful" ? run.timeouts.gracefulRestartMs : run.timeouts.powerOnMs);

async function sendReset(run: StepRun, phase: "graceful" | "forced", state: RestartState): Promise<StepOutcome> {
  const outcome = await restartHost(await run.client(), run.server.systemPath, phase);
  if (!outcome.accepted) return wait(powerPoll(run), `The BMC refused the restart for now: ${outcome.message ?? "a power transition is under way"}.`, state);
  return wait(firstRestartLookMs(run, phase), `${outcome.resetType} sent.`, { phase, sentAt: Date.now(), sawDown: false, powerOnWhenOff: outcome.powerOnWhenOff });
}

/** apply_time on_reset: staged; the step waits (rarely polled, no worker slot) until the operator's restart makes the new version show. */
export async function waitForReset(run: StepRun): Promise<StepOutcome> {
  const { plan, ref } = run.component();
  const version = await readInstalledVersion(await run.client(), ref);
  if (version === plan.to_version) return done(`The new version ${version} shows.`);
  return { kind: "wait", afterMs: remediationSettings.resetPollMs, status: "waiting_for_reset", message: `Staged: restart the host to apply ${plan.to_version} (the BMC reports ${version ?? "nothing"}).` };
}
