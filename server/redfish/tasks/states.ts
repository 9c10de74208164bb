/**
 * One small vocabulary for every way a BMC reports an update: DMTF tasks (and the non-standard
 * states real BMCs use), Dell jobs, and HPE's flash state. Pure functions over what was read.
 */
import { num, pathOf, prop, text } from "../odata";
import { messageKey, messagesOf } from "../update/answer";
import type { Tracker } from "../update/types";
import { dellJobTracker } from "../vendors/dell-jobs";

export type UpdateState = "running" | "completed" | "already_present" | "failed" | "reset_required" | "scheduled" | "gone" | "unknown";

export interface UpdateProgress {
  /**
   * - `running`: still going (`percent` when known);
   * - `completed`: the BMC says it is done (confirm by inventory);
   * - `already_present`: done without applying anything, the version was there (Dell);
   * - `failed`: ended in error, `message` is the BMC's;
   * - `reset_required`: done, a reset must follow (`reset`: what and how, when the BMC says);
   * - `scheduled`: staged until the host restarts;
   * - `gone`: nothing left to read (purged, deleted on read, lost in a BMC reboot): decide by inventory;
   * - `unknown`: nothing says (no task was given, or HPE reports idle): decide by inventory.
   */
  state: UpdateState;
  percent: number | null;
  /** The BMC's words (for `failed`, the reason). */
  message: string | null;
  /** `Base.ResetRequired`: the resource to reset and the reset type, as the BMC named them. */
  reset: { resource: string | null; type: string | null } | null;
  /** The state as the BMC spelled it (TaskState, JobState, State), for the log. */
  reported: string | null;
  /** `Retry-After` of the answer, in milliseconds. */
  retryAfterMs: number | null;
  /** `image_unreachable`: the BMC could not download the image (the message names the URL). */
  reason: "image_unreachable" | null;
  /** Tracking moved (a job took over, or a task was found behind its monitor): store this tracker instead. */
  tracker?: Tracker;
}

const RUNNING =
  /^(new|starting|running|pending|stopping|service|suspended|downloading|downloaded|scheduling|verifying|writing|updating|uploading|progressing|readyforexecution|waiting|flashing|activating)$/i;
const FAILED = /^(exception|killed|cancell?ed|cancelling|interrupted|failed|error|aborted|completedwitherrors)$/i;
const DONE = /^(completed?|success(ful)?|succeeded)$/i;
// bmclib internal/redfishwrapper/task.go: `scheduled` means the host needs a power cycle; Dell's job says `Scheduled` too.
const SCHEDULED = /^scheduled$/i;
// Dell: "Completed" with "already present" means nothing was applied (BMC-UPDATES.md).
const ALREADY_PRESENT = /already (present|installed|up[ -]to[ -]date)|same version/i;
// Dell NIC jobs end "Job completed, server reboot pending".
const REBOOT_PENDING = /reboot (is )?pending|(reboot|restart|reset) (is )?required/i;
const IMAGE_UNREACHABLE = /download|transfer|unreachable|could not (get|fetch|reach)|connection (refused|failed|timed out)|HTTP \d{3}/i;

export function progress(state: UpdateState, fields: Partial<UpdateProgress> = {}): UpdateProgress {
  return { state, percent: null, message: null, reset: null, reported: null, retryAfterMs: null, reason: null, ...fields };
}

/** The message that explains a failure: the last critical/warning one, else all of them, else `fallback`. */
function failureWords(messages: unknown[], fallback: string | null): string | null {
  const texts = messages.map((message) => ({ severity: String(prop(message, "Severity") ?? ""), text: text(prop(message, "Message")) }));
  const serious = texts.filter((entry) => /critical|warning/i.test(entry.severity) && entry.text);
  const chosen = serious.length > 0 ? serious : texts.filter((entry) => entry.text);
  return chosen.length > 0 ? [...new Set(chosen.map((entry) => entry.text))].join(" ") : fallback;
}

function failed(words: string | null, reported: string | null, imageUrl: string | null, keys: string[]): UpdateProgress {
  const message = words ?? `the BMC reports ${reported ?? "a failure"} and gives no reason`;
  const unreachable = imageUrl !== null && (keys.includes("TransferFailed") || IMAGE_UNREACHABLE.test(message));
  return progress("failed", {
    reported,
    reason: unreachable ? "image_unreachable" : null,
    message: unreachable ? `The BMC could not download the image from ${imageUrl}: ${message}` : message,
  });
}

/**
 * Maps a task-like state plus its messages. `words` are the messages' texts joined, `keys` their
 * message ids' last segments.
 */
function mapState(reported: string | null, messages: unknown[], percent: number | null, imageUrl: string | null, fallbackWords: string | null): UpdateProgress {
  const keys = messages.map(messageKey);
  const words = [...new Set(messages.map((message) => text(prop(message, "Message"))).filter(Boolean))].join(" ") || fallbackWords;
  const state = reported ?? "";
  if (FAILED.test(state)) return failed(failureWords(messages, fallbackWords), reported, imageUrl, keys);
  const moved = messages.find((message) => messageKey(message) === "OperationTransitionedToJob");
  const target = text((prop(moved, "MessageArgs") as unknown[] | undefined)?.[0]);
  if (target) {
    const jid = /JID_\d+/.exec(target)?.[0];
    const tracker: Tracker = jid ? { dellJob: dellJobTracker(jid, null) } : { task: pathOf(target) };
    return progress("running", { reported, percent, message: words, tracker });
  }
  const resetMessage = messages.find((message) => messageKey(message) === "ResetRequired");
  if (resetMessage && !RUNNING.test(state)) {
    const args = prop(resetMessage, "MessageArgs");
    const [resource, type] = Array.isArray(args) ? args.map((arg) => text(arg)) : [null, null];
    return progress("reset_required", { reported, message: words, reset: { resource: resource ?? null, type: type ?? null } });
  }
  if (SCHEDULED.test(state) || (keys.includes("AwaitToActivate") && !FAILED.test(state))) return progress("scheduled", { reported, percent, message: words });
  if (DONE.test(state)) {
    if (words && ALREADY_PRESENT.test(words)) return progress("already_present", { reported, message: words });
    if (words && REBOOT_PENDING.test(words)) return progress("reset_required", { reported, message: words, reset: { resource: null, type: null } });
    return progress("completed", { reported, percent: 100, message: words });
  }
  if (RUNNING.test(state)) return progress("running", { reported, percent, message: words });
  return progress("unknown", { reported, percent, message: words ?? `the BMC reports the state ${reported ?? "(none)"}` });
}

/**
 * A DMTF Task (`TaskState`, `PercentComplete`, `Messages`), a DMTF Job (`JobState`), or a Dell job
 * (`JobState` with one `Message`); Dell keeps a task under the same id.
 */
export function taskProgress(body: unknown, imageUrl: string | null): UpdateProgress {
  const reported = text(prop(body, "TaskState")) ?? text(prop(body, "JobState"));
  const lone = text(prop(body, "Message"));
  const severity = reported && FAILED.test(reported) ? "Critical" : "OK";
  const messages = [...messagesOf(body), ...(lone ? [{ Message: lone, MessageId: text(prop(body, "MessageId")) ?? "", Severity: severity }] : [])];
  return mapState(reported, messages, num(prop(body, "PercentComplete")), imageUrl, text(prop(body, "TaskStatus")));
}

/**
 * HPE's flash state: iLO 4's UpdateService `State`/`ProgressPercent` (and the `ImageURI` it is
 * flashing), iLO 5's `Oem.Hpe.State`/`FlashProgressPercent`: Idle -> Uploading -> Verifying ->
 * Writing -> Updating -> Complete | Error (openstack/proliantutils). iLO 4 names the image, so its
 * end states are this update's; iLO 5's state is about its last flash, whichever it was, so only a
 * flash in progress says anything. Idle, or another image's state, says nothing.
 */
export function hpeFlashProgress(body: unknown, legacy: boolean, imageUrl: string | null): UpdateProgress {
  const source = legacy ? body : prop(prop(body, "Oem"), "Hpe");
  const state = text(prop(source, "State"));
  const percent = num(prop(source, legacy ? "ProgressPercent" : "FlashProgressPercent"));
  const flashing = text(prop(body, "ImageURI"));
  const silent = (why: string) => progress("unknown", { reported: state, message: `iLO reports ${state ?? "no state"}: ${why}` });
  if (!state || /^idle$/i.test(state) || (legacy && flashing && imageUrl && flashing !== imageUrl)) return silent("no flash of this image in progress");
  const result = mapState(state, messagesOf(body), percent, imageUrl, text(prop(source, "Result")));
  return legacy || result.state === "running" ? result : silent("about its last flash, which may not be this one");
}
