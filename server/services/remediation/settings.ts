import { canonicalVendor } from "~/server/lib/vendors";
import { env } from "~/server/env";
import { updateTimeoutsFor, type UpdateTimeouts } from "~/server/redfish";

const KEYS = { task: "taskMs", bmc_return: "bmcReturnMs", graceful_restart: "gracefulRestartMs", power_on: "powerOnMs", poll: "pollIntervalMs" } as const;

export const remediationSettings = {
  /** Servers a request updates at once when it does not say (`data.max_parallel`). */
  get maxParallel() {
    return env("RACKPILOT_REMEDIATION_MAX_PARALLEL");
  },
  /** How long a step retries transient BMC faults (5xx, resets, timeouts) before failing its server. */
  get faultBudgetMs() {
    return env("RACKPILOT_REMEDIATION_FAULT_BUDGET") * 1000;
  },
  /** How often a staged (`on_reset`) update checks whether the operator restarted the host. */
  get resetPollMs() {
    return env("RACKPILOT_REMEDIATION_RESET_POLL_INTERVAL") * 1000;
  },
};

/**
 * The update budgets for one component on one vendor's BMC: the Redfish client's defaults for the
 * vendor, overridden by RACKPILOT_UPDATE_TIMEOUTS from the most general key to the most specific:
 * `*`, `*\/<type>`, `<vendor>`, `<vendor>/<type>` (vendor: the canonical name, e.g. `Dell`, `HPE`).
 */
export function timeoutsFor(manufacturer: string, firmwareType: string): UpdateTimeouts {
  // Every step asks: the setting is parsed and validated once per value it takes, not per step.
  const key = `${process.env.RACKPILOT_UPDATE_TIMEOUTS ?? ""}\n${manufacturer}\n${firmwareType}`;
  let timeouts = resolved.get(key);
  if (!timeouts) resolved.set(key, (timeouts = resolveTimeouts(manufacturer, firmwareType)));
  return { ...timeouts };
}

const resolved = new Map<string, UpdateTimeouts>();

function resolveTimeouts(manufacturer: string, firmwareType: string): UpdateTimeouts {
  const vendor = canonicalVendor(manufacturer);
  const overrides = env("RACKPILOT_UPDATE_TIMEOUTS");
  const timeouts = updateTimeoutsFor(vendor);
  for (const key of ["*", `*/${firmwareType}`, vendor, `${vendor}/${firmwareType}`]) {
    for (const [name, seconds] of Object.entries(overrides[key] ?? {})) timeouts[KEYS[name as keyof typeof KEYS]] = seconds * 1000;
  }
  return timeouts;
}
