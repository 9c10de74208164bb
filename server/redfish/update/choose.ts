import { basename } from "node:path";
import { quirksFor } from "../vendors";
import type { UpdateQuirks } from "../vendors/types";
import type { UpdateCapabilities } from "./capabilities";
import { UpdateRefusedError } from "./errors";
import type { ApplyTime, UpdateMethod, UpdatePlan, UpdateRequest } from "./types";

/** The image's file name: the one given, else the last segment of its URL or file path. */
export function imageNameOf(request: UpdateRequest): string {
  const { name, url, file } = request.image;
  if (name) return name;
  if (url) {
    const segment = decodeURIComponent(new URL(url).pathname.split("/").filter(Boolean).at(-1) ?? "");
    if (segment) return segment;
  }
  return file ? basename(file) : "firmware.bin";
}

/** What the update applies to: the system for BIOS, the manager for the BMC, the inventory entry otherwise. */
export function componentTarget(request: UpdateRequest): string | null {
  if (request.component === "bios") return request.systemPath;
  if (request.component === "bmc") return request.managerPath;
  return request.inventoryId ?? null;
}

function schemeOf(url: string): string {
  return new URL(url).protocol.replace(":", "").toUpperCase();
}

/** The methods the service offers for what the caller gave (a URL to pull, a file to push), pull first. */
export function offeredMethods(caps: UpdateCapabilities, request: UpdateRequest): UpdateMethod[] {
  const { url, file } = request.image;
  const offered: UpdateMethod[] = [];
  if (caps.installFromUri && url) offered.push("install_from_uri");
  const protocols = caps.simpleUpdate?.protocols;
  if (caps.simpleUpdate && url && (!protocols || protocols.includes(schemeOf(url)))) offered.push("simple_update");
  if (caps.multipartPushUri && file) offered.push("multipart_push");
  if (caps.httpPushUri && file) offered.push("http_push");
  return offered;
}

function describeService(caps: UpdateCapabilities): string {
  const parts = [
    caps.installFromUri && "HPE InstallFromURI",
    caps.simpleUpdate && `SimpleUpdate (${caps.simpleUpdate.protocols?.join(", ") ?? "protocols not listed"})`,
    caps.multipartPushUri && "MultipartHttpPushUri",
    caps.httpPushUri && "HttpPushUri",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "no update method";
}

/**
 * `@Redfish.OperationApplyTime` to send: the caller's when the BMC lists it (or lists nothing and
 * it is `OnReset`); left out for `Immediate` where the BMC does not list apply times. A BIOS is
 * staged until the next restart anyway, so its `OnReset` is simply left out where unsupported.
 */
function applyTimeFor(supported: ApplyTime[] | null, request: UpdateRequest, bmc: string): ApplyTime | null {
  const wanted = request.applyTime ?? "Immediate";
  if (supported ? supported.includes(wanted) : wanted === "OnReset") return wanted;
  if (wanted === "Immediate" || request.component === "bios") return null;
  throw new UpdateRefusedError(bmc, "rejected", `it does not offer the apply time OnReset (it offers ${supported?.join(", ") || "none"})`);
}

/**
 * How to send this update to this BMC (`vendor`: the root's, any alias): the first method the vendor prefers among those offered,
 * with every parameter decided (targets, apply time, protocol, claim, two-phase). Throws
 * `UpdateRefusedError` (`no_path`, `unsupported_image`, `rejected`) when nothing fits.
 */
export function chooseUpdatePlan(caps: UpdateCapabilities, request: UpdateRequest, vendor: string | null, bmc: string): UpdatePlan {
  const quirks: UpdateQuirks = quirksFor(vendor).update ?? {};
  if (caps.serviceEnabled === false) throw new UpdateRefusedError(bmc, "no_path", "its UpdateService is disabled (ServiceEnabled: false)");
  const name = imageNameOf(request);
  const offered = offeredMethods(caps, request);
  const methods = quirks.methods?.(offered) ?? offered;
  const given = [request.image.url && "an image URL", request.image.file && "a local file"].filter(Boolean).join(" and ") || "no image";
  if (methods.length === 0) throw new UpdateRefusedError(bmc, "no_path", `it offers ${describeService(caps)}, none of which fits ${given}`);
  const refusals = methods.map((method) => quirks.refuseImage?.(method, name));
  const index = refusals.indexOf(undefined);
  if (index < 0) throw new UpdateRefusedError(bmc, "unsupported_image", refusals[0]!);
  const method = methods[index];
  const base = {
    method,
    force: request.force === true,
    hostOffFirst: quirks.hostOffFor?.includes(request.component) ?? false,
    maxImageBytes: null,
    pushApplyTime: null,
    claimTargets: null,
    startUpdateTarget: null,
    oem: null,
    transferProtocol: null,
    image: { url: method === "simple_update" || method === "install_from_uri" ? request.image.url! : null, file: null, name },
  };
  const target = componentTarget(request);
  const severalSystems = caps.systemCount > 1;
  if (method === "install_from_uri") {
    const service = caps.installFromUri!;
    const hpeFlashState = { path: service.service, legacy: true };
    return { ...base, target: service.target ?? service.service, targets: null, applyTime: null, updateService: service.service, hpeFlashState };
  }
  const updateService = caps.updateService!;
  if (method === "simple_update") {
    const simple = caps.simpleUpdate!;
    return {
      ...base,
      target: simple.target,
      // Ironic sends Targets only when the BMC manages several systems; Supermicro wants them always.
      targets: quirks.simpleUpdateTargets?.(request) ?? (severalSystems && target ? [target] : null),
      applyTime: applyTimeFor(simple.applyTimes, request, bmc),
      transferProtocol: simple.protocols ? schemeOf(request.image.url!) : null,
      updateService,
      hpeFlashState: caps.hpeFlashState ? { path: updateService, legacy: false } : null,
    };
  }
  const twoPhase = method === "multipart_push" && caps.startUpdate ? quirks.twoPhasePush?.(request) : undefined;
  const claimTargets = quirks.claimsPush && caps.pushClaim ? (request.inventoryId ? [request.inventoryId] : []) : null;
  const wanted = request.applyTime ?? "Immediate";
  return {
    ...base,
    target: method === "multipart_push" ? caps.multipartPushUri! : caps.httpPushUri!,
    targets: twoPhase?.targets ?? claimTargets ?? (severalSystems && target ? [target] : []),
    applyTime: twoPhase ? null : wanted,
    pushApplyTime: !twoPhase && caps.pushApplyTime !== null && caps.pushApplyTime !== wanted ? wanted : null,
    claimTargets,
    startUpdateTarget: twoPhase ? caps.startUpdate : null,
    oem: twoPhase?.oem ?? null,
    updateService,
    maxImageBytes: caps.maxImageSizeBytes,
    hpeFlashState: null,
    image: { url: null, file: request.image.file!, name },
  };
}
