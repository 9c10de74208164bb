import { checkImage, startUpdate } from "../bmc/flash";
import { redfishError, success } from "../http/errors";
import type { Reply, RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { readMultipartUpload } from "../resources/push";
import { accepted } from "../resources/update-service";
import { APPLY_TIMES, isReply } from "../resources/update-parameters";
import type { UpdateServiceSpec } from "./types";

/** bmcweb's multipart push (openbmc/docs firmware-update-over-redfish.md); its raw HttpPushUri and TFTP SimpleUpdate are built out. */
export const OPENBMC_MULTIPART_PUSH = "/redfish/v1/UpdateService/update-multipart";
/** bmcweb's default request body limit. */
const MAX_IMAGE_BYTES = 30 * 1024 * 1024;

/**
 * The apply time is global: PATCH `HttpPushUriOptions.HttpPushUriApplyTime.ApplyTime` (Immediate or
 * OnReset) before pushing; `UpdateParameters` only says what to flash.
 */
function patchApplyTime(ctx: RequestContext): Reply {
  const { bmc } = ctx;
  const { profile } = bmc;
  let value = ctx.body;
  for (const [name, allowed] of [["body", "HttpPushUriOptions"], ["HttpPushUriOptions", "HttpPushUriApplyTime"], ["HttpPushUriApplyTime", "ApplyTime"]]) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return redfishError(profile, 400, "PropertyValueTypeError", { args: [JSON.stringify(value ?? null), name] });
    }
    const unknown = Object.keys(value).find((key) => key !== allowed);
    if (unknown !== undefined) return redfishError(profile, 400, "PropertyUnknown", { args: [unknown] });
    value = (value as Record<string, unknown>)[allowed];
    if (value === undefined) return success(profile);
  }
  if (!APPLY_TIMES.includes(value as (typeof APPLY_TIMES)[number])) {
    return redfishError(profile, 400, "PropertyValueNotInList", { args: [String(value), "ApplyTime"] });
  }
  bmc.updates.pushApplyTime = value as (typeof APPLY_TIMES)[number];
  return success(profile);
}

/**
 * bmcweb checks the image as it arrives: an unreadable or foreign image, or a version already on
 * the BMC, is refused there and then (400) rather than in a task. Only one push is processed at a time.
 */
function push(ctx: RequestContext): Reply {
  const { bmc } = ctx;
  const { profile } = bmc;
  const upload = readMultipartUpload(ctx, "UpdateService.MultipartHttpPushUri", APPLY_TIMES);
  if (isReply(upload)) return upload;
  if (bmc.taskStore.list().some((task) => task.kind === "MultipartHttpPushUri" && task.phase !== "scheduled" && !task.finished)) {
    return redfishError(profile, 503, "ServiceTemporarilyUnavailable", { args: ["30"], headers: { "Retry-After": "30" } });
  }
  const checked = checkImage(bmc, upload.image.data, upload.image.name);
  if ("problem" in checked) return redfishError(profile, 400, "InvalidUpload", { args: [OPENBMC_MULTIPART_PUSH, checked.problem.Message] });
  if (!upload.force && bmc.installed.get(checked.manifest.type) === checked.manifest.version) {
    return redfishError(profile, 400, "ResourceAlreadyExists", { args: ["UpdateService", "Version", "uploaded version"] });
  }
  const applyTime = bmc.updates.pushApplyTime;
  return accepted(ctx, startUpdate(bmc, { method: "MultipartHttpPushUri", targetUri: OPENBMC_MULTIPART_PUSH, ...upload, applyTime }));
}

export const openbmcUpdateService: UpdateServiceSpec = {
  simpleUpdate: false,
  extras: (bmc) => ({
    properties: {
      HttpPushUriOptions: { HttpPushUriApplyTime: { ApplyTime: bmc.updates.pushApplyTime } },
      MaxImageSizeBytes: MAX_IMAGE_BYTES,
      MultipartHttpPushUri: OPENBMC_MULTIPART_PUSH,
    },
  }),
  patch: patchApplyTime,
};

export function openbmcUpdateRoutes(): Route[] {
  return [{ method: "POST", pattern: OPENBMC_MULTIPART_PUSH, handler: push }];
}
