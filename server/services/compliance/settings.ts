function nightlyHour(): number | null {
  const raw = (process.env.RACKPILOT_COMPLIANCE_NIGHTLY_HOUR ?? "").trim().toLowerCase();
  if (raw === "") return 2;
  if (raw === "off") return null;
  const hour = Number(raw);
  // A typo stops the start rather than silently keep or drop the schedule.
  if (!/^\d{1,2}$/.test(raw) || hour > 23) throw new Error(`RACKPILOT_COMPLIANCE_NIGHTLY_HOUR must be an hour from 0 to 23 (UTC) or "off", not "${raw}"`);
  return hour;
}

export const complianceSettings = {
  /** UTC hour of the nightly compliance run (RACKPILOT_COMPLIANCE_NIGHTLY_HOUR, default 2); null when set to `off`. */
  get nightlyHour() {
    return nightlyHour();
  },
  /** Snapshots older than this many days are dropped by the nightly run (RACKPILOT_COMPLIANCE_HISTORY_DAYS, default 365; 0 keeps all). */
  get historyDays() {
    const value = Number(process.env.RACKPILOT_COMPLIANCE_HISTORY_DAYS);
    return process.env.RACKPILOT_COMPLIANCE_HISTORY_DAYS !== undefined && Number.isInteger(value) && value >= 0 ? value : 365;
  },
};
