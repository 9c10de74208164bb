import { RedfishProtocolError } from "../errors";
import type { RedfishResponse } from "../http";
import { dig, idOf, isObject, pathOf, prop, text } from "../odata";
import { isRetryableStatus } from "../retry";
import { dellJobTracker } from "../vendors/dell-jobs";
import { UpdateRefusedError } from "./errors";
import type { Tracker } from "./types";

/** Every message object of an answer: `error`/`Accepted` `@Message.ExtendedInfo`, `Messages` (tasks, iLO 4). */
export function messagesOf(body: unknown): unknown[] {
  const lists = [dig(body, "error", "@Message.ExtendedInfo"), dig(body, "Accepted", "@Message.ExtendedInfo"), prop(body, "@Message.ExtendedInfo"), prop(body, "Messages")];
  return lists.flatMap((list) => (Array.isArray(list) ? list : []));
}

/** The BMC's own words: the error message and every extended message, once each. */
export function bmcWords(body: unknown): string | null {
  const words = [text(dig(body, "error", "message")), ...messagesOf(body).map((message) => text(prop(message, "Message")))];
  const unique = [...new Set(words.filter((word): word is string => word !== null))];
  return unique.length > 0 ? unique.join(" ") : null;
}

/** Last segment of a message's id (`Update.1.0.TransferFailed` -> `TransferFailed`). */
export function messageKey(message: unknown): string {
  return String(prop(message, "MessageId") ?? prop(message, "MessageID") ?? "").split(".").at(-1) ?? "";
}

function isTask(body: unknown): boolean {
  return prop(body, "TaskState") !== undefined || /#Task\./.test(String(prop(body, "@odata.type") ?? ""));
}

/** A task or job URI named in the answer's messages (Supermicro's `Accepted`, `OperationTransitionedToJob`). */
function uriInMessages(body: unknown): string | null {
  for (const message of messagesOf(body)) {
    const args = prop(message, "MessageArgs");
    const uri = Array.isArray(args) ? args.find((arg) => typeof arg === "string" && /\/(Tasks|Jobs)\/[^/]+\/?$/.test(arg)) : undefined;
    if (uri) return pathOf(uri as string);
  }
  return null;
}

/**
 * Where the BMC put what tracks the update: a Dell job (`JID_…`), the `Location` (a task monitor,
 * or the task itself), the body's `@odata.id` when the body is the task (which wins over
 * `Location`, as sushy does), its `TaskMonitor`, or a task URI in the body's messages.
 */
export function trackerOf(response: RedfishResponse, managerPath: string | null): Tracker {
  const location = text(response.headers.location);
  const locationPath = location ? pathOf(location) : null;
  const { body } = response;
  const inMessages = uriInMessages(body);
  const jid = [locationPath, inMessages, response.text].map((value) => /\bJID_\d+/.exec(value ?? "")?.[0]).find(Boolean);
  if (jid) return { dellJob: dellJobTracker(jid, managerPath) };
  const tracker: Tracker = {};
  const task = isTask(body) ? idOf(body) : inMessages;
  const monitor = text(prop(body, "TaskMonitor")) ?? locationPath;
  if (task) tracker.task = pathOf(task);
  if (monitor && pathOf(monitor) !== tracker.task) tracker.monitor = pathOf(monitor);
  return tracker;
}

const BUSY = /^(ResourceInUse|OemFirmwareAlreadyInUpdateMode|UpdateInProgress|ResourceInStandby)$/;
const IMAGE_PROBLEM = /ImageURI|FirmwareURI|transfer|download|unreachable|could not (get|fetch|reach)/i;

/**
 * The typed refusal for a non-2xx answer to an update POST. 5xx and 429 are transient protocol
 * errors (send again later); a licence 403, a busy BMC, an unusable image URL (named in the
 * message) and any other 4xx are `UpdateRefusedError`s carrying the BMC's own words.
 */
export function refusalOf(bmc: string, response: RedfishResponse, what: string, imageUrl: string | null): Error {
  const { status, messageId, body } = response;
  const words = bmcWords(body) ?? (response.text.trim().slice(0, 300) || `HTTP ${status}`);
  const key = messageId ?? "";
  if (isRetryableStatus(status) && !BUSY.test(key)) {
    return RedfishProtocolError.answered(bmc, `${what} answered ${status}: ${words}`, response);
  }
  const refuse = (reason: UpdateRefusedError["reason"], detail: string) => new UpdateRefusedError(bmc, reason, detail, status, messageId);
  if (/licen[cs]/i.test(key) || /licen[cs]/i.test(words)) return refuse("licence_required", `a licence is required (${status}: ${words})`);
  if (status === 403) return refuse("forbidden", `${what} is not allowed for this account (403: ${words})`);
  if (status === 409 || BUSY.test(key)) return refuse("busy", `another update holds it (${status}: ${words})`);
  // OpenBMC checks a pushed image on arrival and refuses a version it runs already.
  if (key === "ResourceAlreadyExists") return refuse("already_present", `it runs that version already and applied nothing (${status}: ${words})`);
  if (imageUrl && (IMAGE_PROBLEM.test(words) || words.includes(imageUrl))) {
    return refuse("image_unreachable", `it cannot use the image at ${imageUrl} (${status}: ${words})`);
  }
  if (status === 404 || status === 405 || status === 501) return refuse("no_path", `${what} is not served (${status}: ${words})`);
  return refuse("rejected", `${what} answered ${status}: ${words}`);
}

/** Message strings an answer carried, for the record. */
export function answerMessages(body: unknown): string[] {
  return messagesOf(body)
    .map((message) => (isObject(message) ? text(prop(message, "Message")) : null))
    .filter((message): message is string => message !== null);
}
