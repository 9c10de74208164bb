/**
 * Choosing and starting one firmware update on one BMC, as two small steps a crash-safe engine can
 * persist between: `prepareUpdate` (reads only: what the BMC offers, the plan, a snapshot of its
 * tasks and the installed version) and `sendUpdate` (one send, answered by an `AcceptedUpdate` or
 * a typed refusal). `startUpdate` runs both.
 */
import type { RedfishClient } from "./client";
import type { RedfishResponse } from "./http";
import { retryAfterOf } from "./retry";
import { answerMessages, refusalOf, trackerOf } from "./update/answer";
import { readUpdateCapabilities } from "./update/capabilities";
import { chooseUpdatePlan } from "./update/choose";
import { sendPush, type SendOptions } from "./update/push";
import { takeSnapshot } from "./update/snapshot";
import type { AcceptedUpdate, PreparedUpdate, SnapshotHints, UpdatePlan, UpdateRequest } from "./update/types";

/**
 * Reads what the BMC offers, decides how to send (`UpdatePlan`) and notes what exists before sending (what `known`
 * does not say already). Sends nothing.
 */
export async function prepareUpdate(client: RedfishClient, request: UpdateRequest, known: SnapshotHints = {}): Promise<PreparedUpdate> {
  const capabilities = await readUpdateCapabilities(client, request.managerPath);
  const plan = chooseUpdatePlan(capabilities, request, client.vendor, client.bmc);
  return { request, plan, snapshot: await takeSnapshot(client, request, known), bmc: client.bmc, vendor: client.vendor };
}

function simpleUpdateBody(plan: UpdatePlan): Record<string, unknown> {
  return {
    ImageURI: plan.image.url,
    ...(plan.transferProtocol && { TransferProtocol: plan.transferProtocol }),
    ...(plan.targets && { Targets: plan.targets }),
    ...(plan.force && { ForceUpdate: true }),
    ...(plan.applyTime && { "@Redfish.OperationApplyTime": plan.applyTime }),
  };
}

/** iLO 4: the Redfish action takes `FirmwareURI`; the legacy resource wants `Action` beside it (HPE iLO 4 RESTful API). */
function installFromUriBody(plan: UpdatePlan): Record<string, unknown> {
  const isAction = /InstallFromURI\/?$/i.test(plan.target);
  return isAction ? { FirmwareURI: plan.image.url } : { Action: "InstallFromURI", FirmwareURI: plan.image.url };
}

/** The record of an accepted update: how it was sent and where its progress can be read. */
export function acceptedFrom(prepared: PreparedUpdate, response: RedfishResponse | null, sentAt: string): AcceptedUpdate {
  const { plan, request } = prepared;
  const tracker = response ? trackerOf(response, request.managerPath) : {};
  if (plan.hpeFlashState) tracker.hpeUpdateService = plan.hpeFlashState;
  return {
    bmc: prepared.bmc,
    method: plan.method,
    component: request.component,
    sentAt,
    status: response?.status ?? null,
    tracker,
    noTask: !tracker.monitor && !tracker.task && !tracker.dellJob,
    retryAfterMs: response ? retryAfterOf(response) : null,
    imageUrl: plan.image.url,
    imageName: plan.image.name,
    claim: plan.claimTargets ? { updateService: plan.updateService, targets: plan.claimTargets } : null,
    messages: response ? answerMessages(response.body) : [],
  };
}

/**
 * Sends the prepared update once: SimpleUpdate, HPE's InstallFromURI, or a push of the local file.
 * Resolves with the `AcceptedUpdate` (store it before anything else); rejects with
 * `UpdateRefusedError` when the BMC refuses, or a transient `RedfishError` (5xx, unreachable).
 */
export async function sendUpdate(client: RedfishClient, prepared: PreparedUpdate, options: SendOptions = {}): Promise<AcceptedUpdate> {
  const { plan } = prepared;
  const sentAt = new Date().toISOString();
  let response: RedfishResponse;
  if (plan.method === "simple_update") response = await client.post(plan.target, simpleUpdateBody(plan), { signal: options.signal });
  else if (plan.method === "install_from_uri") response = await client.post(plan.target, installFromUriBody(plan), { signal: options.signal });
  else response = await sendPush(client, plan, options);
  if (response.status >= 300) throw refusalOf(client.bmc, response, `${plan.method} to ${plan.target}`, plan.image.url);
  return acceptedFrom(prepared, response, sentAt);
}

/** `prepareUpdate` then `sendUpdate`, for callers that keep no state between them. */
export async function startUpdate(client: RedfishClient, request: UpdateRequest, options: SendOptions = {}): Promise<AcceptedUpdate> {
  return sendUpdate(client, await prepareUpdate(client, request), options);
}
