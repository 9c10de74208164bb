import { sameVendor } from "~/server/lib/vendors";
import { allowableValues } from "../action-info";
import type { RedfishClient } from "../client";
import { dig, idOf, isObject, linkOf, num, pageMembers, prop, strings, text, type Json } from "../odata";
import type { ApplyTime } from "./types";

/** What a BMC's UpdateService advertises, read once before choosing how to send an update. */
export interface UpdateCapabilities {
  /** The DMTF UpdateService path, null when the root links none (or it is iLO 4's HPE one). */
  updateService: string | null;
  serviceEnabled: boolean | null;
  simpleUpdate: {
    target: string;
    /** `TransferProtocol@Redfish.AllowableValues` (inline or in its ActionInfo), upper case; null: not said. */
    protocols: string[] | null;
    /** `@Redfish.OperationApplyTimeSupport.SupportedValues`; null: not said. */
    applyTimes: ApplyTime[] | null;
  } | null;
  multipartPushUri: string | null;
  httpPushUri: string | null;
  /** `HttpPushUriTargetsBusy` and `HttpPushUriTargets`, when the service has them. */
  pushClaim: { busy: boolean; targets: string[] } | null;
  /** `HttpPushUriOptions.HttpPushUriApplyTime.ApplyTime`, when the service has it. */
  pushApplyTime: string | null;
  /** `#UpdateService.StartUpdate` target (images uploaded with `OnStartUpdateRequest`). */
  startUpdate: string | null;
  /** iLO 4's HPE UpdateService (`InstallFromURI`) and its action target. */
  installFromUri: { service: string; target: string | null } | null;
  /** `MaxImageSizeBytes`: the largest push the BMC takes. */
  maxImageSizeBytes: number | null;
  /** iLO 5 reports its flash in `Oem.Hpe.State` / `FlashProgressPercent`. */
  hpeFlashState: boolean;
  /** Systems behind this BMC (Ironic sends `Targets` only when there are several). */
  systemCount: number;
}

const SIMPLE_UPDATE = "#UpdateService.SimpleUpdate";
const INSTALL_FROM_URI = "#HpiLOFirmwareUpdate.InstallFromURI";

async function systemCount(client: RedfishClient): Promise<number> {
  const path = linkOf(client.root, "Systems");
  const collection = path ? await client.findSettledResource(path) : null;
  return pageMembers(collection).length || 1;
}

/** iLO 4: the root's UpdateService is HPE's own, or the manager links it under `Oem.Hp.links` (not looked for on another vendor's BMC). */
async function hpeInstallService(client: RedfishClient, service: Json | null, managerPath: string | null) {
  if (service && client.actionTarget(service, INSTALL_FROM_URI)) return service;
  if (!managerPath || (client.vendor !== null && !sameVendor(client.vendor, "HPE"))) return null;
  const manager = await client.findResource(managerPath);
  const path = linkOf(dig(manager, "Oem", "Hp"), "UpdateService") ?? text(dig(manager, "Oem", "Hp", "links", "UpdateService", "href"));
  return path ? client.findResource(path) : null;
}

export async function readUpdateCapabilities(client: RedfishClient, managerPath: string | null): Promise<UpdateCapabilities> {
  const path = linkOf(client.root, "UpdateService");
  // Read fresh (its busy claim, HPE's flash state), and kept for the firmware inventory's link.
  const [service, systems] = await Promise.all([path ? client.refreshSettledResource(path) : null, systemCount(client)]);
  const hpe = await hpeInstallService(client, service, managerPath);
  const dmtf = hpe === service ? null : service;
  const action = dig(dmtf, "Actions", SIMPLE_UPDATE);
  const simpleTarget = isObject(action) ? text(prop(action, "target")) : null;
  const busy = prop(dmtf, "HttpPushUriTargetsBusy");
  const enabled = prop(dmtf, "ServiceEnabled");
  return {
    updateService: dmtf ? (idOf(dmtf) ?? path) : null,
    serviceEnabled: typeof enabled === "boolean" ? enabled : null,
    simpleUpdate: simpleTarget
      ? {
          target: simpleTarget,
          protocols: (await allowableValues(client, action, "TransferProtocol"))?.map((value) => value.toUpperCase()) ?? null,
          applyTimes: strings(dig(action, "@Redfish.OperationApplyTimeSupport", "SupportedValues")) as ApplyTime[] | null,
        }
      : null,
    multipartPushUri: text(prop(dmtf, "MultipartHttpPushUri")),
    httpPushUri: text(prop(dmtf, "HttpPushUri")),
    pushClaim: typeof busy === "boolean" ? { busy, targets: strings(prop(dmtf, "HttpPushUriTargets")) ?? [] } : null,
    pushApplyTime: text(dig(dmtf, "HttpPushUriOptions", "HttpPushUriApplyTime", "ApplyTime")),
    startUpdate: dmtf ? client.actionTarget(dmtf, "#UpdateService.StartUpdate") : null,
    installFromUri: hpe ? { service: idOf(hpe) ?? "", target: client.actionTarget(hpe, INSTALL_FROM_URI) } : null,
    maxImageSizeBytes: num(prop(dmtf, "MaxImageSizeBytes")),
    hpeFlashState: text(dig(dmtf, "Oem", "Hpe", "State")) !== null,
    systemCount: systems,
  };
}
