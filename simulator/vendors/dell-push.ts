import { startUpdate } from "../bmc/flash";
import { redfishError } from "../http/errors";
import type { Reply, RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { pathsOf } from "../resources/paths";
import { isChunked, readMultipartUpload } from "../resources/push";
import { APPLY_TIMES, isReply } from "../resources/update-parameters";

/** iDRAC9's `MultipartHttpPushUri` (3.30+; Dell's DeviceFirmwareMultipartUploadREDFISH.py). */
export const DELL_MULTIPART_UPLOAD = "/redfish/v1/UpdateService/MultipartUpload";

/**
 * A multipart push of a Dell update package. iDRAC needs the length up front: a chunked upload is
 * refused (bmc-toolbox/bmclib sets Content-Length for this reason). It answers 202 with no body and
 * the job in Location, under TaskService (the job itself stays readable under the manager's Jobs).
 */
function multipartUpload(ctx: RequestContext): Reply {
  const { bmc } = ctx;
  if (isChunked(ctx)) {
    const detail = "Chunked transfer encoding is not supported for firmware uploads: send the image with a Content-Length.";
    return redfishError(bmc.profile, 411, "GeneralError", { detail });
  }
  const upload = readMultipartUpload(ctx, "UpdateService.MultipartUpload", APPLY_TIMES);
  if (isReply(upload)) return upload;
  const task = startUpdate(bmc, { method: "MultipartHttpPushUri", targetUri: DELL_MULTIPART_UPLOAD, ...upload });
  return { status: 202, headers: { Location: `${pathsOf(bmc.profile).tasks}/${task.id}` } };
}

export function dellPushRoutes(): Route[] {
  return [{ method: "POST", pattern: DELL_MULTIPART_UPLOAD, handler: multipartUpload }];
}
