import { basename } from "node:path";
import { BASE_MESSAGES } from "../http/errors";
import { ImageFormatError, parseImage, type ImageManifest } from "../image";
import type { FirmwareType } from "../types";
import type { Bmc, FlashRecord, UpdateMethod } from "./bmc";
import { download } from "./download";
import { taskMessages } from "./task-messages";
import type { TaskMessage, TaskRecord } from "./tasks";
import type { ApplyTime } from "./update-state";

export type { ApplyTime };

/** What a client asked a BMC to flash, and how. */
export interface UpdateRequest {
  method: UpdateMethod;
  /** The URI the client posted to. */
  targetUri: string;
  /** Pulled by the BMC from `url`, or pushed by the client. */
  image: { url: URL } | { data: Buffer; name: string };
  applyTime?: ApplyTime;
  targets?: string[];
  force?: boolean;
  /** The vendor's name for the task (Supermicro's "BIOS Update"). */
  taskName?: string;
}

/** Adds one accepted flash to the BMC's history. */
export function recordFlash(bmc: Bmc, fields: Omit<FlashRecord, "requestedAt" | "outcome">, outcome: FlashRecord["outcome"] = "running"): FlashRecord {
  const record: FlashRecord = { ...fields, requestedAt: new Date(), outcome };
  if (outcome !== "running") record.finishedAt = record.requestedAt;
  bmc.updates.history.push(record);
  return record;
}

export function imageNameOf(url: URL): string {
  return basename(url.pathname) || url.href;
}

/**
 * Queues a firmware update and returns its task at once; the work runs on one-shot timers. From
 * acceptance to the end of the flash takes `timings.taskMs` (a slow download makes it longer).
 */
export function startUpdate(bmc: Bmc, request: UpdateRequest): TaskRecord {
  const { image } = request;
  const imageUri = "url" in image ? image.url.href : undefined;
  const imageName = "url" in image ? imageNameOf(image.url) : image.name;
  const task = bmc.taskStore.create(request.method, imageUri ?? imageName, request.targetUri);
  task.name = request.taskName;
  task.purged = bmc.habits.tasksPurgedEarly === true;
  const record = recordFlash(bmc, {
    taskId: task.id,
    method: request.method,
    imageUri,
    imageName,
    targets: request.targets,
    applyTime: request.applyTime ?? "Immediate",
    force: request.force === true,
  });
  task.messages.push(taskMessages.started(task.id));
  const acceptedAt = Date.now();
  const queuedMs = Math.min(1000, bmc.timings.taskMs / 10);
  task.enter("queued", 0, 0, queuedMs);
  bmc.later(queuedMs, () => {
    // A bug in one update must fail its task, not take the whole fleet down with an unhandled rejection.
    run(bmc, task, record, request, acceptedAt).catch((error: unknown) => {
      console.error(`[bmc ${bmc.address}] update task ${task.id} crashed:`, error);
      fail(bmc, task, record, taskMessages.applyFailed(imageName, "the BMC", "Internal error in the simulated BMC."));
    });
  });
  return task;
}

async function run(bmc: Bmc, task: TaskRecord, record: FlashRecord, request: UpdateRequest, acceptedAt: number): Promise<void> {
  const name = record.imageName;
  const { image } = request;
  let data: Buffer;
  try {
    if ("url" in image) task.enter("downloading", 0, 10, bmc.timings.taskMs / 5);
    data = "url" in image ? await download(image.url) : image.data;
  } catch (error) {
    return fail(bmc, task, record, taskMessages.transferFailed(name, "the BMC", sentence(error instanceof Error ? error.message : String(error))));
  }
  if (bmc.stopped) return;
  const checked = checkImage(bmc, data, name);
  if ("problem" in checked) return fail(bmc, task, record, checked.problem);
  const { manifest, target } = checked;
  task.target = target;
  const installed = bmc.installed.get(manifest.type);
  Object.assign(record, { type: manifest.type, fromVersion: installed, toVersion: manifest.version });
  const refusal = habitRefusal(bmc, manifest);
  if (refusal) return fail(bmc, task, record, taskMessages.applyFailed(name, target, refusal));
  if (bmc.habits.alreadyPresent && !request.force && installed === manifest.version) {
    task.completion = taskMessages.alreadyPresent(name, target, manifest.version);
    record.message = task.completion.Message;
    return finish(task, record, [task.completion, taskMessages.completed(task.id)], "already_present");
  }

  task.messages.push(taskMessages.installing(name, target));
  const flashMs = Math.max(1, bmc.timings.taskMs - (Date.now() - acceptedAt));
  task.enter("flashing", 10, 100, flashMs);
  await bmc.sleep(flashMs);
  const injected = bmc.faults.failTasks;
  if (injected) {
    const detail = typeof injected === "string" ? injected : "The component did not accept the image (injected fault).";
    return fail(bmc, task, record, taskMessages.applyFailed(name, target, detail));
  }
  const done = () => {
    install(bmc, manifest.type, manifest.version);
    finish(task, record, [taskMessages.updated(target, name), taskMessages.completed(task.id)]);
  };
  if (manifest.type === "bmc") {
    task.enter("restarting", 100);
    bmc.restartManager(done);
  } else if (manifest.type === "bios" || request.applyTime === "OnReset") {
    bmc.updates.pending.set(manifest.type, { version: manifest.version, task, record });
    record.outcome = "pending_reset";
    task.messages.push(taskMessages.awaitActivation(name, target));
    if (bmc.profile.tasks.scheduledUntilReset) task.enter("scheduled", 100);
    else finish(task, record, [taskMessages.completed(task.id)], "pending_reset");
  } else {
    done();
  }
}

/** The image's manifest and the component it goes to, or why this BMC refuses it (a task message). */
export function checkImage(bmc: Bmc, data: Buffer, name: string): { manifest: ImageManifest; target: string } | { problem: TaskMessage } {
  let manifest: ImageManifest;
  try {
    manifest = parseImage(data).manifest;
  } catch (error) {
    const detail = sentence(error instanceof Error ? error.message : String(error));
    return { problem: taskMessages.verificationFailed(name, "the BMC", error instanceof ImageFormatError ? detail : "Unreadable image.") };
  }
  const component = bmc.profile.components.find((candidate) => candidate.type === manifest.type);
  const target = component?.name(bmc) ?? manifest.type;
  const problem = incompatibility(bmc, manifest);
  return problem ? { problem: taskMessages.verificationFailed(name, target, problem) } : { manifest, target };
}

/** Why the image cannot go on this BMC, worded as the task's message; undefined if it can. */
function incompatibility(bmc: Bmc, manifest: ImageManifest): string | undefined {
  const { profile, model } = bmc;
  if (manifest.vendor !== profile.family) {
    return `The package is for vendor '${manifest.vendor}' but this is a ${profile.vendorName} ${model}.`;
  }
  if (manifest.models.length > 0 && !manifest.models.some((name) => name.toLowerCase() === model.toLowerCase())) {
    return `The package supports ${manifest.models.join(", ")}, not this ${model}.`;
  }
  if (!profile.components.some((component) => component.type === manifest.type)) {
    return `This ${model} has no ${manifest.type} component to update.`;
  }
  return undefined;
}

/** Refusals that only show once the image was read (the request did not say what it targets). */
function habitRefusal(bmc: Bmc, manifest: ImageManifest): string | undefined {
  if (bmc.habits.unlicensed && needsLicence(manifest.type)) return notLicensed();
  if (bmc.habits.biosNeedsHostOff && manifest.type === "bios" && bmc.power !== "Off") {
    return `The host must be powered off before its BIOS is updated; it is ${bmc.power}.`;
  }
  return undefined;
}

/** Supermicro sells BIOS and BMC updates over Redfish as a licence (SFT-OOB-LIC or SFT-DCMS-SINGLE). */
export function needsLicence(type: FirmwareType): boolean {
  return type === "bios" || type === "bmc";
}

export const LICENCES_NEEDED = "SUM DCMS OOB";

export function notLicensed(): string {
  return BASE_MESSAGES.OemLicenseNotPassed.replace("%1", LICENCES_NEEDED);
}

/** Applies staged updates when the host powers on. */
export function activatePending(bmc: Bmc): void {
  for (const [type, update] of bmc.updates.pending) {
    install(bmc, type, update.version);
    if (update.task.phase === "scheduled") finish(update.task, update.record, [taskMessages.completed(update.task.id)]);
    update.record.outcome = "applied";
    update.record.finishedAt = new Date();
  }
  bmc.updates.pending.clear();
}

function install(bmc: Bmc, type: FirmwareType, version: string): void {
  const current = bmc.installed.get(type);
  if (current !== undefined && current !== version) bmc.updates.previous.set(type, current);
  bmc.updates.holdVersion(type, bmc.reported(type), bmc.habits.inventoryLagMs ?? 0);
  bmc.installed.set(type, version);
}

function finish(task: TaskRecord, record: FlashRecord, messages: TaskMessage[], outcome: FlashRecord["outcome"] = "applied"): void {
  task.messages.push(...messages);
  task.enter("done", 100);
  record.outcome = outcome;
  record.finishedAt = outcome === "pending_reset" ? undefined : new Date();
}

function fail(bmc: Bmc, task: TaskRecord, record: FlashRecord, reason: TaskMessage): void {
  if (bmc.stopped) return;
  task.messages.push(reason, taskMessages.aborted(task.id));
  task.enter("failed", task.percent);
  record.outcome = "failed";
  record.message = reason.Message;
  record.finishedAt = new Date();
}

function sentence(text: string): string {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return capitalised.endsWith(".") ? capitalised : `${capitalised}.`;
}
