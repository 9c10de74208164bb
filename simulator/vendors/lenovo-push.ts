import type { Bmc } from "../bmc/bmc";
import { startUpdate } from "../bmc/flash";
import { redfishError, success } from "../http/errors";
import type { Reply, RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { readMultipartUpload } from "../resources/push";
import { accepted } from "../resources/update-service";
import { APPLY_TIMES, isReply } from "../resources/update-parameters";

/** XCC's push URIs, outside /redfish/v1 (bmc-toolbox/bmclib providers/lenovo fixtures). */
export const XCC_RAW_PUSH = "/fwupdate";
export const XCC_MULTIPART_PUSH = "/mfwupdate";

/** Who is asking: their session, or the account for HTTP Basic requests. */
const holderOf = (ctx: RequestContext) => (ctx.session ? `session:${ctx.session.id}` : `basic:${ctx.bmc.username}`);

/**
 * The live holder of the push claim. A claim held by a session that has ended (logged out, timed
 * out, or dropped by a BMC reset) lapses, so a client that died holding it does not block the BMC forever.
 */
function claimHolder(bmc: Bmc): string | undefined {
  const holder = bmc.updates.claimHolder;
  if (holder?.startsWith("session:") && !bmc.sessionStore.get(holder.slice("session:".length))) bmc.updates.claimHolder = undefined;
  return bmc.updates.claimHolder;
}

function heldByAnother(ctx: RequestContext): Reply | undefined {
  const holder = claimHolder(ctx.bmc);
  if (!holder || holder === holderOf(ctx)) return undefined;
  const detail = "The firmware update service is claimed by another client (HttpPushUriTargetsBusy is true); retry once it is released.";
  return redfishError(ctx.bmc.profile, 409, "ResourceInUse", { detail });
}

/** What XCC adds to its UpdateService: both push URIs and, with the claim habit, the claim itself. */
export function lenovoUpdateExtras(bmc: Bmc) {
  const claim = bmc.habits.pushClaim ? { HttpPushUriTargetsBusy: claimHolder(bmc) !== undefined, HttpPushUriTargets: bmc.updates.pushTargets } : {};
  return { properties: { HttpPushUri: XCC_RAW_PUSH, MultipartHttpPushUri: XCC_MULTIPART_PUSH, ...claim } };
}

/** PATCH `HttpPushUriTargetsBusy` (true: claim, false: release) and `HttpPushUriTargets`. */
export function patchLenovoUpdateService(ctx: RequestContext): Reply {
  const { bmc } = ctx;
  const { profile } = bmc;
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const known = bmc.habits.pushClaim ? ["HttpPushUriTargetsBusy", "HttpPushUriTargets"] : [];
  const unknown = Object.keys(body).find((key) => !known.includes(key));
  if (unknown !== undefined) return redfishError(profile, 400, "PropertyUnknown", { args: [unknown] });
  const { HttpPushUriTargetsBusy: busy, HttpPushUriTargets: targets } = body;
  if (busy !== undefined && typeof busy !== "boolean") return redfishError(profile, 400, "PropertyValueTypeError", { args: [String(busy), "HttpPushUriTargetsBusy"] });
  if (targets !== undefined && (!Array.isArray(targets) || targets.some((target) => typeof target !== "string"))) {
    return redfishError(profile, 400, "PropertyValueTypeError", { args: [JSON.stringify(targets), "HttpPushUriTargets"] });
  }
  if (busy === true) {
    const taken = heldByAnother(ctx);
    if (taken) return taken;
    bmc.updates.claimHolder = holderOf(ctx);
  }
  if (busy === false) bmc.updates.claimHolder = undefined;
  if (targets !== undefined) bmc.updates.pushTargets = targets as string[];
  return success(profile);
}

/** A push to either URI: refused while another client holds the claim, otherwise a task as SimpleUpdate's. */
function push(kind: "multipart" | "raw") {
  return (ctx: RequestContext): Reply => {
    const { bmc } = ctx;
    if (bmc.habits.pushClaim) {
      const taken = heldByAnother(ctx);
      if (taken) return taken;
    }
    if (kind === "raw") {
      if (ctx.rawBody.length === 0) return redfishError(bmc.profile, 400, "ActionParameterMissing", { args: ["HttpPushUri", "image"] });
      const image = { data: ctx.rawBody, name: "image.bin" };
      return accepted(ctx, startUpdate(bmc, { method: "HttpPushUri", targetUri: XCC_RAW_PUSH, image, targets: bmc.updates.pushTargets }));
    }
    const upload = readMultipartUpload(ctx, "UpdateService.MultipartHttpPushUri", APPLY_TIMES);
    if (isReply(upload)) return upload;
    return accepted(ctx, startUpdate(bmc, { method: "MultipartHttpPushUri", targetUri: XCC_MULTIPART_PUSH, ...upload }));
  };
}

export function lenovoPushRoutes(): Route[] {
  return [
    { method: "POST", pattern: XCC_MULTIPART_PUSH, handler: push("multipart") },
    { method: "POST", pattern: XCC_RAW_PUSH, handler: push("raw") },
  ];
}
