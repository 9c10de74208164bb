import { BmcUnreachableError, RedfishError, RedfishProtocolError } from "../errors";
import { isRetryableStatus } from "../retry";

/**
 * Why a BMC would not take an update:
 * - `licence_required`: the BMC wants a licence for Redfish updates (Supermicro 403 "Not licensed", DMTF `LicenseRequired`);
 * - `forbidden`: 403 for another reason (the account lacks the privilege);
 * - `busy`: another update holds the BMC (409, `ResourceInUse`, Lenovo's push claim, Supermicro's update mode);
 * - `unsupported_image`: this image cannot go through this path (iLO 5 `.fwpkg`, a refused package);
 * - `image_unreachable`: the BMC could not fetch the image URL (the message names it);
 * - `already_present`: the BMC runs that version already and applied nothing (OpenBMC `ResourceAlreadyExists`): confirm by inventory;
 * - `rejected`: any other 4xx refusal, with the BMC's message;
 * - `no_path`: nothing the BMC advertises fits what the caller gave (no pull, no push, no URL, no file).
 */
export type UpdateRefusal = "licence_required" | "forbidden" | "busy" | "unsupported_image" | "image_unreachable" | "already_present" | "rejected" | "no_path";

export class UpdateRefusedError extends RedfishError {
  readonly kind = "update_refused";
  constructor(
    bmc: string,
    readonly reason: UpdateRefusal,
    detail: string,
    readonly status?: number,
    readonly messageId?: string,
  ) {
    super(bmc, `BMC ${bmc} refused the firmware update: ${detail}`);
  }

  /** Worth sending again later (only `busy`: another update holds the BMC now). */
  get retryable(): boolean {
    return this.reason === "busy";
  }
}

/**
 * A failure that says nothing about the update itself (the BMC unreachable, restarting, answering
 * 5xx or 429): retry the step later, within the step's time budget.
 */
export function isTransientBmcError(error: unknown): boolean {
  if (error instanceof BmcUnreachableError) return true;
  if (error instanceof RedfishProtocolError) return error.status !== undefined && isRetryableStatus(error.status);
  return error instanceof UpdateRefusedError && error.retryable;
}
