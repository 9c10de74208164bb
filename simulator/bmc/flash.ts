import { basename } from "node:path";
import { ImageFormatError, parseImage, type ImageManifest } from "../image";
import type { FirmwareType } from "../types";
import type { Bmc, FlashRecord } from "./bmc";
import { download } from "./download";
import { taskMessages } from "./task-messages";
import type { TaskKind, TaskMessage, TaskRecord } from "./tasks";

export type ApplyTime = "Immediate" | "OnReset";

/** Queues a firmware update and returns its task at once; the work runs on timers. */
export function startUpdate(bmc: Bmc, kind: TaskKind, url: URL, applyTime: ApplyTime = "Immediate", targets?: string[]): TaskRecord {
  const task = bmc.taskStore.create(kind, url.href);
  const record: FlashRecord = { taskId: task.id, imageUri: url.href, targets, requestedAt: new Date(), outcome: "running" };
  bmc.history.push(record);
  task.messages.push(taskMessages.started(task.id));
  const queuedMs = Math.min(1000, bmc.timings.taskMs / 10);
  task.enter("queued", 0, 0, queuedMs);
  bmc.later(queuedMs, () => {
    // A bug in one update must fail its task, not take the whole fleet down with an unhandled rejection.
    run(bmc, task, record, url, applyTime).catch((error: unknown) => {
      console.error(`[bmc ${bmc.address}] update task ${task.id} crashed:`, error);
      fail(bmc, task, record, taskMessages.applyFailed(basename(url.pathname), "the BMC", "Internal error in the simulated BMC."));
    });
  });
  return task;
}

async function run(bmc: Bmc, task: TaskRecord, record: FlashRecord, url: URL, applyTime: ApplyTime): Promise<void> {
  const image = basename(url.pathname) || url.href;
  task.enter("downloading", 0, 10, bmc.timings.taskMs / 5);
  let manifest: ImageManifest;
  try {
    manifest = parseImage(await download(url)).manifest;
  } catch (error) {
    const detail = sentence(error instanceof Error ? error.message : String(error));
    const failure = error instanceof ImageFormatError ? taskMessages.verificationFailed : taskMessages.transferFailed;
    return fail(bmc, task, record, failure(image, "the BMC", detail));
  }
  if (bmc.stopped) return;
  const component = bmc.profile.components.find((candidate) => candidate.type === manifest.type);
  const target = component?.name(bmc) ?? manifest.type;
  task.target = target;
  const problem = incompatibility(bmc, manifest);
  if (problem) return fail(bmc, task, record, taskMessages.verificationFailed(image, target, problem));
  Object.assign(record, { type: manifest.type, fromVersion: bmc.installed.get(manifest.type), toVersion: manifest.version });

  task.messages.push(taskMessages.installing(image, target));
  task.enter("flashing", 10, 100, bmc.timings.taskMs);
  await bmc.sleep(bmc.timings.taskMs);
  const injected = bmc.faults.failTasks;
  if (injected) {
    const detail = typeof injected === "string" ? injected : "The component did not accept the image (injected fault).";
    return fail(bmc, task, record, taskMessages.applyFailed(image, target, detail));
  }
  const done = () => {
    install(bmc, manifest.type, manifest.version);
    finish(task, record, [taskMessages.updated(target, image), taskMessages.completed(task.id)]);
  };
  if (manifest.type === "bmc") {
    task.enter("restarting", 100);
    bmc.restartManager(done);
  } else if (manifest.type === "bios" || applyTime === "OnReset") {
    bmc.pending.set(manifest.type, { version: manifest.version, task, record });
    record.outcome = "pending-reset";
    task.messages.push(taskMessages.awaitActivation(image, target));
    if (bmc.profile.tasks.scheduledUntilReset) task.enter("scheduled", 100);
    else finish(task, record, [taskMessages.completed(task.id)], "pending-reset");
  } else {
    done();
  }
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

/** Applies staged updates when the host powers on. */
export function activatePending(bmc: Bmc): void {
  for (const [type, update] of bmc.pending) {
    install(bmc, type, update.version);
    if (update.task.phase === "scheduled") finish(update.task, update.record, [taskMessages.completed(update.task.id)]);
    update.record.outcome = "applied";
    update.record.finishedAt = new Date();
  }
  bmc.pending.clear();
}

function install(bmc: Bmc, type: FirmwareType, version: string): void {
  const current = bmc.installed.get(type);
  if (current !== undefined && current !== version) bmc.previous.set(type, current);
  bmc.installed.set(type, version);
}

function finish(task: TaskRecord, record: FlashRecord, messages: TaskMessage[], outcome: FlashRecord["outcome"] = "applied"): void {
  task.messages.push(...messages);
  task.enter("done", 100);
  record.outcome = outcome;
  record.finishedAt = outcome === "applied" ? new Date() : undefined;
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
