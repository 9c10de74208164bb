/**
 * After a crash between sending an update and recording the BMC's answer: was it accepted? The
 * BMC is asked, most specific evidence first: the installed version, the tasks and Dell jobs that
 * appeared since the snapshot, HPE's flash state, staged entries of the firmware inventory. Only
 * a `not_accepted` answer makes sending again safe.
 */
import type { RedfishClient } from "./client";
import { readInstalledVersion } from "./confirm";
import { linkOf, pathKey, prop, text, type Json } from "./odata";
import { hpeFlashProgress } from "./tasks/states";
import { acceptedFrom } from "./update";
import { refusalOf } from "./update/answer";
import { releasePushClaim, startUploadedUpdate, type SendOptions } from "./update/push";
import { trackedIds } from "./update/snapshot";
import type { AcceptedUpdate, PreparedUpdate } from "./update/types";
import { dellJobTracker } from "./vendors/dell-jobs";

export type Recovery =
  /** The BMC took it: follow `accepted` (store it as if `sendUpdate` had answered). */
  | { kind: "accepted"; accepted: AcceptedUpdate; evidence: string }
  /** The intended version runs now (and did not before): go on to confirm. */
  | { kind: "installed"; version: string }
  /** Nothing shows it arrived: send again. `releasedClaim`: a push claim our crashed send held was released. */
  | { kind: "not_accepted"; releasedClaim: boolean };

interface Candidate {
  link: string;
  body: Json;
}

/** Tasks and jobs that appeared since the snapshot, read. */
async function newTrackers(client: RedfishClient, prepared: PreparedUpdate): Promise<Candidate[]> {
  const known = new Set(prepared.snapshot.taskIds.map(pathKey));
  const links = (await trackedIds(client, prepared.request.managerPath)).filter((link) => !known.has(pathKey(link)));
  const read = await Promise.all(links.map(async (link) => ({ link, body: await client.findResource(link) })));
  return read.filter((candidate): candidate is Candidate => candidate.body !== null);
}

const isVerification = (candidate: Candidate) => /verify/i.test(text(prop(candidate.body, "Name")) ?? "");

function trackerFor(candidate: Candidate, prepared: PreparedUpdate): AcceptedUpdate["tracker"] {
  const jid = /JID_\d+/.exec(candidate.link)?.[0];
  return jid ? { dellJob: dellJobTracker(jid, prepared.request.managerPath) } : { task: candidate.link };
}

function recovered(prepared: PreparedUpdate, tracker: AcceptedUpdate["tracker"], evidence: string): Recovery {
  const accepted = acceptedFrom(prepared, null, prepared.snapshot.takenAt);
  const merged = { ...accepted.tracker, ...tracker };
  return { kind: "accepted", accepted: { ...accepted, tracker: merged, noTask: !merged.task && !merged.dellJob && !merged.monitor }, evidence };
}

/** A staged (downloaded, not yet active) inventory entry with the intended version: iDRAC `Available-…`, `Pending`, `Staged`. */
async function stagedEntry(client: RedfishClient, version: string): Promise<string | null> {
  const service = linkOf(client.root, "UpdateService");
  const inventory = service ? linkOf(await client.findResource(service), "FirmwareInventory") : null;
  const members = inventory ? await client.findMembers(inventory) : null;
  const staged = members?.find((member) => {
    const label = `${text(prop(member, "Id")) ?? ""} ${text(prop(member, "Name")) ?? ""}`;
    return text(prop(member, "Version")) === version && /(^available-|pending|staged)/i.test(label);
  });
  return staged ? (text(prop(staged, "Id")) ?? "an entry") : null;
}

export async function findAcceptedUpdate(client: RedfishClient, prepared: PreparedUpdate, options: SendOptions = {}): Promise<Recovery> {
  const { request, plan, snapshot } = prepared;
  const wanted = request.image.version ?? null;
  const readable = request.component === "bios" || request.component === "bmc" || Boolean(request.inventoryId);
  const installed = readable ? await readInstalledVersion(client, request) : null;
  if (wanted && installed === wanted && snapshot.installedVersion !== wanted) return { kind: "installed", version: installed };

  const candidates = await newTrackers(client, prepared);
  const updates = candidates.filter((candidate) => !isVerification(candidate));
  const image = plan.image.url ?? plan.image.name;
  const mine = updates.find((candidate) => JSON.stringify(candidate.body).includes(image)) ?? updates.at(-1);
  if (mine) return recovered(prepared, trackerFor(mine, prepared), `${mine.link} appeared after the snapshot`);
  // Supermicro: the image was uploaded (its "Verify" task exists) but StartUpdate never went out: finish the send.
  const verification = plan.startUpdateTarget ? candidates.find(isVerification) : undefined;
  if (verification) {
    const response = await startUploadedUpdate(client, plan, verification.link, options);
    if (response.status >= 300) throw refusalOf(client.bmc, response, `StartUpdate at ${plan.startUpdateTarget}`, null);
    const accepted = acceptedFrom(prepared, response, new Date().toISOString());
    return { kind: "accepted", accepted, evidence: `the uploaded image was verified (${verification.link}); StartUpdate sent now` };
  }
  if (plan.hpeFlashState) {
    const state = hpeFlashProgress(await client.findResource(plan.hpeFlashState.path), plan.hpeFlashState.legacy, plan.image.url);
    if (state.state !== "unknown") return recovered(prepared, {}, `iLO reports the flash state ${state.reported}`);
  }
  const staged = wanted ? await stagedEntry(client, wanted) : null;
  if (staged) return recovered(prepared, {}, `the firmware inventory holds ${wanted} staged (${staged})`);
  return { kind: "not_accepted", releasedClaim: await releaseStaleClaim(client, prepared) };
}

/**
 * Lenovo XCC: a send that crashed after claiming `HttpPushUriTargetsBusy` leaves it claimed, and
 * nobody could push again. Updates to one BMC are serialised by the caller, so a claim on exactly
 * our targets with nothing accepted is ours: release it.
 */
async function releaseStaleClaim(client: RedfishClient, prepared: PreparedUpdate): Promise<boolean> {
  const { plan } = prepared;
  if (!plan.claimTargets) return false;
  const service = await client.getResource(plan.updateService);
  const held = prop(service, "HttpPushUriTargets");
  const heldTargets = Array.isArray(held) ? held.map(String).map(pathKey).sort() : [];
  const ours = plan.claimTargets.map(pathKey).sort();
  if (prop(service, "HttpPushUriTargetsBusy") !== true || JSON.stringify(heldTargets) !== JSON.stringify(ours)) return false;
  await releasePushClaim(client, plan.updateService);
  return true;
}

