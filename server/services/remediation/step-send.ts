import { findAcceptedUpdate, prepareUpdate, readPowerState, sendUpdate, shutDownHost, UpdateRefusedError, type AcceptedUpdate, type PreparedUpdate, type SnapshotHints, type UpdateRequest } from "~/server/redfish";
import type { CheckedImage } from "./step-binary";
import { done, fail, forgetReadings, wait, type StepOutcome, type StepRun, type StepState } from "./step-types";

export type SendState = { prepared?: PreparedUpdate; accepted?: AcceptedUpdate; installed?: string; alreadyPresent?: boolean; hostOff?: boolean; busySince?: number };

function updateRequest(run: StepRun): UpdateRequest {
  const { plan, ref, earlier } = run.component();
  const image = earlier.image as CheckedImage;
  return {
    ...ref,
    managerPath: ref.managerPath,
    image: { url: image.url, file: image.file, name: image.name, version: plan.to_version },
    applyTime: run.target.applyTime === "on_reset" ? "OnReset" : "Immediate",
    force: run.target.forceUpdates,
  };
}

const trackerLabel = (accepted: AcceptedUpdate) =>
  accepted.tracker.dellJob?.id ?? accepted.tracker.task ?? accepted.tracker.monitor ?? (accepted.tracker.hpeUpdateService ? "the UpdateService state" : "no task (confirmed by inventory)");

/**
 * What the send's snapshot need not read again: the component's version as the compliance check read it (the flashes of
 * the components before it leave it as it is), and the iDRAC's jobs as Dell's pre-step listed them just before. Every
 * reading of the job is forgotten then: what is sent may change it.
 */
function knownBeforeSend(run: StepRun): SnapshotHints {
  const { checked } = run.component();
  const dellJobs = run.fresh.dellJobs ?? undefined;
  forgetReadings(run.fresh);
  return { installed: checked && { version: checked.version }, dellJobs };
}

/**
 * Sends the update once. The prepared update is persisted with status `sending` before it goes out,
 * and the accepted update (its task URI) as soon as the BMC answers. A step found in `sending` with
 * nothing accepted was interrupted in between: the BMC is asked first (`findAcceptedUpdate`) and the
 * update is sent again only when it shows no trace of it.
 */
export async function sendComponentUpdate(run: StepRun): Promise<StepOutcome> {
  const state = run.step.state as SendState;
  const known = knownBeforeSend(run);
  if (state.accepted || state.installed || state.alreadyPresent) return done(undefined, state);
  const client = await run.client();
  if (run.step.status === "sending" && state.prepared) {
    const recovery = await findAcceptedUpdate(client, state.prepared, { signal: run.signal });
    if (recovery.kind === "accepted") return done(`Accepted before an interruption (${recovery.evidence}); following ${trackerLabel(recovery.accepted)}.`, { ...state, accepted: recovery.accepted });
    if (recovery.kind === "installed") return done(`Installed before an interruption: the BMC reports ${recovery.version}.`, { ...state, installed: recovery.version });
  }
  let prepared: PreparedUpdate;
  try {
    prepared = state.prepared ?? (await prepareUpdate(client, updateRequest(run), known));
  } catch (error) {
    if (error instanceof UpdateRefusedError) return fail(error.message);
    throw error;
  }
  if (prepared.plan.hostOffFirst && !state.hostOff) {
    // OpenBMC flashes a BIOS only with the host off; it is powered on again by the restart step.
    if ((await readPowerState(client, prepared.request.systemPath)) !== "Off") {
      await shutDownHost(client, prepared.request.systemPath, "forced");
      return wait(Math.min(run.timeouts.pollIntervalMs, 2000), "Powering the host off before a BIOS update.", { ...state, prepared });
    }
  }
  const sending: StepState = { ...state, prepared, hostOff: prepared.plan.hostOffFirst || undefined };
  await run.save({ status: "sending", state: sending });
  try {
    const accepted = await sendUpdate(client, prepared, { signal: run.signal });
    return done(`Accepted (${accepted.method}, HTTP ${accepted.status}); following ${trackerLabel(accepted)}.`, { ...sending, accepted, busySince: undefined });
  } catch (error) {
    if (!(error instanceof UpdateRefusedError)) throw error;
    if (error.reason === "already_present") return done(`The BMC already runs this image: ${error.message}`, { ...sending, alreadyPresent: true });
    if (!error.retryable) return fail(error.message);
    const busySince = state.busySince ?? Date.now();
    if (Date.now() - busySince > run.timeouts.taskMs) return fail(`The BMC stayed busy for ${run.timeouts.taskMs / 1000} s: ${error.message}`);
    return { kind: "wait", afterMs: run.timeouts.pollIntervalMs, status: "sending", message: `The BMC is busy, trying again: ${error.message}`, state: { ...sending, busySince } };
  }
}
