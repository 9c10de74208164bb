import { env } from "~/server/env";

export const complianceSettings = {
  /** UTC hour of the nightly compliance run (RACKPILOT_COMPLIANCE_NIGHTLY_HOUR, default 2); null when set to `off`. */
  get nightlyHour() {
    return env("RACKPILOT_COMPLIANCE_NIGHTLY_HOUR");
  },
  /** Snapshots older than this many days are dropped by the nightly run (RACKPILOT_COMPLIANCE_HISTORY_DAYS, default 365; 0 keeps all). */
  get historyDays() {
    return env("RACKPILOT_COMPLIANCE_HISTORY_DAYS");
  },
};
