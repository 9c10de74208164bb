import { redfishError } from "../http/errors";
import type { Reply } from "../http/reply";
import type { VendorProfile } from "../vendors/types";

export interface UpdateParameters<ApplyTime extends string = string> {
  targets?: string[];
  applyTime: ApplyTime;
  force: boolean;
}

/**
 * `Targets`, `@Redfish.OperationApplyTime` and `ForceUpdate`, as SimpleUpdate takes them in its body
 * and a push in its `UpdateParameters`; a 400 for any that is malformed or not offered.
 */
export function readUpdateParameters<ApplyTime extends string>(
  profile: VendorProfile,
  fields: Record<string, unknown>,
  action: string,
  applyTimes: readonly ApplyTime[],
): UpdateParameters<ApplyTime> | Reply {
  const targets = fields.Targets;
  const applyTime = fields["@Redfish.OperationApplyTime"] ?? "Immediate";
  const force = fields.ForceUpdate;
  if (targets !== undefined && (!Array.isArray(targets) || targets.some((target) => typeof target !== "string"))) {
    return redfishError(profile, 400, "ActionParameterValueError", { args: ["Targets", action], detail: "Targets must be an array of URIs." });
  }
  if (typeof applyTime !== "string" || !applyTimes.includes(applyTime as ApplyTime)) {
    return redfishError(profile, 400, "ActionParameterValueNotInList", { args: [String(applyTime), "@Redfish.OperationApplyTime", action] });
  }
  if (force !== undefined && typeof force !== "boolean") {
    return redfishError(profile, 400, "ActionParameterValueError", { args: ["ForceUpdate", action], detail: "ForceUpdate must be true or false." });
  }
  return { targets: targets as string[] | undefined, applyTime: applyTime as ApplyTime, force: force === true };
}

/** The apply times SimpleUpdate and the DMTF pushes take. */
export const APPLY_TIMES = ["Immediate", "OnReset"] as const;

export const isReply = (value: object): value is Reply => "status" in value;
