import { stat } from "node:fs/promises";
import type { RedfishClient } from "../client";
import type { RedfishResponse } from "../http";
import { prop } from "../odata";
import { retryAfterOf, sleep } from "../retry";
import { progress, taskProgress } from "../tasks/states";
import { refusalOf, trackerOf } from "./answer";
import { UpdateRefusedError } from "./errors";
import { multipartUpload, rawUpload } from "./multipart";
import type { UpdatePlan } from "./types";

export interface SendOptions {
  /** The whole upload of a pushed image (default 15 min). */
  uploadTimeoutMs?: number;
  /** Two-phase push: how long the BMC may take to check an uploaded image before StartUpdate (default 2 min). */
  verifyTimeoutMs?: number;
  signal?: AbortSignal;
}

export const UPLOAD_TIMEOUT_MS = 15 * 60_000;
export const VERIFY_TIMEOUT_MS = 2 * 60_000;
const VERIFY_POLL_MS = 1000;

async function patchService(client: RedfishClient, path: string, body: Record<string, unknown>, what: string): Promise<void> {
  const response = await client.patch(path, body);
  if (response.status >= 300) throw refusalOf(client.bmc, response, what, null);
}

/** Lenovo XCC: the push is claimed through `HttpPushUriTargetsBusy`; someone else's claim means busy. */
async function claimPush(client: RedfishClient, plan: UpdatePlan): Promise<void> {
  const service = await client.getResource(plan.updateService);
  if (prop(service, "HttpPushUriTargetsBusy") === true) {
    const held = JSON.stringify(prop(service, "HttpPushUriTargets") ?? []);
    throw new UpdateRefusedError(client.bmc, "busy", `another client holds its push claim (HttpPushUriTargetsBusy, targets ${held})`);
  }
  const targets = plan.claimTargets!.length > 0 ? { HttpPushUriTargets: plan.claimTargets } : {};
  await patchService(client, plan.updateService, { HttpPushUriTargetsBusy: true, ...targets }, "claiming HttpPushUriTargetsBusy");
}

/** Releases a push claim (idempotent: releasing a free claim changes nothing). */
export async function releasePushClaim(client: RedfishClient, updateService: string): Promise<void> {
  await patchService(client, updateService, { HttpPushUriTargetsBusy: false, HttpPushUriTargets: [] }, "releasing HttpPushUriTargetsBusy");
}

function updateParameters(plan: UpdatePlan): Record<string, unknown> {
  return {
    Targets: plan.targets ?? [],
    "@Redfish.OperationApplyTime": plan.startUpdateTarget ? "OnStartUpdateRequest" : (plan.applyTime ?? "Immediate"),
    ...(plan.force && { ForceUpdate: true }),
    ...(plan.oem && { Oem: plan.oem }),
  };
}

/** Polls the BMC's check of an uploaded image until it ends; a failed check is a refusal. */
async function waitForVerification(client: RedfishClient, path: string, options: SendOptions): Promise<void> {
  const deadline = Date.now() + (options.verifyTimeoutMs ?? VERIFY_TIMEOUT_MS);
  for (;;) {
    const response = await client.get(path, { signal: options.signal });
    // A check whose task is gone is over; StartUpdate then tells whether an image is waiting.
    const result = response.status === 204 || response.status === 404 ? progress("completed") : taskProgress(response.body, null);
    if (result.state === "failed") throw new UpdateRefusedError(client.bmc, "rejected", `its check of the uploaded image failed: ${result.message}`);
    if (result.state !== "running") return;
    if (Date.now() > deadline) {
      throw new UpdateRefusedError(client.bmc, "rejected", `it did not finish checking the uploaded image within ${Math.round((options.verifyTimeoutMs ?? VERIFY_TIMEOUT_MS) / 1000)} s`);
    }
    await sleep(Math.min(retryAfterOf(response) ?? VERIFY_POLL_MS, VERIFY_POLL_MS * 5), options.signal);
  }
}

/**
 * Second phase of a two-phase push (Supermicro): once the BMC has checked the uploaded image (its
 * "Verify" task at `verifyPath`), `UpdateService.StartUpdate` starts the flash; its answer names
 * the "Update" task.
 */
export async function startUploadedUpdate(client: RedfishClient, plan: UpdatePlan, verifyPath: string | null, options: SendOptions): Promise<RedfishResponse> {
  if (verifyPath) await waitForVerification(client, verifyPath, options);
  return client.post(plan.startUpdateTarget!, {}, { signal: options.signal });
}

/**
 * A push of a local image: the global apply time first where the service has one (OpenBMC), the
 * claim where the vendor wants one (Lenovo), then the upload (multipart with `UpdateParameters`
 * and `UpdateFile`, or raw), then StartUpdate for a two-phase push (Supermicro). A claim is
 * released at once if the push fails; otherwise it is released when the update is over.
 */
export async function sendPush(client: RedfishClient, plan: UpdatePlan, options: SendOptions): Promise<RedfishResponse> {
  const { size } = await stat(plan.image.file!);
  if (plan.maxImageBytes !== null && size > plan.maxImageBytes) {
    throw new UpdateRefusedError(client.bmc, "unsupported_image", `${plan.image.name} is ${size} bytes and it takes at most ${plan.maxImageBytes} (MaxImageSizeBytes)`);
  }
  if (plan.pushApplyTime) {
    const apply = { HttpPushUriOptions: { HttpPushUriApplyTime: { ApplyTime: plan.pushApplyTime } } };
    await patchService(client, plan.updateService, apply, "setting HttpPushUriApplyTime");
  }
  if (plan.claimTargets) await claimPush(client, plan);
  try {
    const file = plan.image.file!;
    const upload = plan.method === "multipart_push" ? await multipartUpload(file, plan.image.name, updateParameters(plan)) : await rawUpload(file);
    const timeoutMs = options.uploadTimeoutMs ?? UPLOAD_TIMEOUT_MS;
    const response = await client.post(plan.target, upload.body, { headers: { "Content-Type": upload.contentType }, timeoutMs, signal: options.signal });
    if (!plan.startUpdateTarget || response.status >= 300) return await released(client, plan, response);
    const verify = trackerOf(response, null);
    return await released(client, plan, await startUploadedUpdate(client, plan, verify.task ?? verify.monitor ?? null, options));
  } catch (error) {
    if (plan.claimTargets) await releasePushClaim(client, plan.updateService).catch(() => undefined);
    throw error;
  }
}

/** Releases the claim now when the BMC refused the push (nothing to wait for). */
async function released(client: RedfishClient, plan: UpdatePlan, response: RedfishResponse): Promise<RedfishResponse> {
  if (plan.claimTargets && response.status >= 300) await releasePushClaim(client, plan.updateService).catch(() => undefined);
  return response;
}
