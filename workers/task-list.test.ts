import { parseCrontab } from "graphile-worker";
import { afterEach, describe, expect, it } from "vitest";
import { crontab } from "./task-list";

/** graphile-worker's cron matchers take a UTC digest of the minute. */
const at = (iso: string) => {
  const d = new Date(iso);
  return { min: d.getUTCMinutes(), hour: d.getUTCHours(), date: d.getUTCDate(), month: d.getUTCMonth() + 1, dow: d.getUTCDay() };
};
const nightly = () => parseCrontab(crontab()).filter((item) => item.task === "compliance_nightly");

const saved = process.env.RACKPILOT_COMPLIANCE_NIGHTLY_HOUR;
afterEach(() => {
  if (saved === undefined) delete process.env.RACKPILOT_COMPLIANCE_NIGHTLY_HOUR;
  else process.env.RACKPILOT_COMPLIANCE_NIGHTLY_HOUR = saved;
});

describe("the nightly compliance run in the crontab", () => {
  it("runs at 02:00 UTC by default, catching up within 6 hours", () => {
    delete process.env.RACKPILOT_COMPLIANCE_NIGHTLY_HOUR;
    const [item, ...more] = nightly();
    expect(more).toEqual([]);
    expect(item).toMatchObject({ options: { backfillPeriod: 6 * 3600_000, maxAttempts: 3, jobKey: "compliance_nightly" } });
    expect(item!.match(at("2026-01-11T02:00:00Z"))).toBe(true);
    expect(item!.match(at("2026-01-11T03:00:00Z"))).toBe(false);
  });

  it("takes the hour from RACKPILOT_COMPLIANCE_NIGHTLY_HOUR, and is left out for off", () => {
    process.env.RACKPILOT_COMPLIANCE_NIGHTLY_HOUR = "23";
    expect(nightly()[0]!.match(at("2026-01-11T23:00:00Z"))).toBe(true);
    process.env.RACKPILOT_COMPLIANCE_NIGHTLY_HOUR = "OFF";
    expect(nightly()).toEqual([]);
    expect(parseCrontab(crontab()).length).toBeGreaterThan(0);
  });

  it("refuses an hour it cannot read rather than guess", () => {
    for (const value of ["24", "2am", "-1"]) {
      process.env.RACKPILOT_COMPLIANCE_NIGHTLY_HOUR = value;
      expect(() => crontab(), value).toThrow(`Invalid setting RACKPILOT_COMPLIANCE_NIGHTLY_HOUR="${value}": expected an hour from 0 to 23 (UTC) or off`);
    }
  });
});
