import { parseCrontab } from "graphile-worker";
import { afterEach, describe, expect, it } from "vitest";
import { workerCrontab } from "./task-list";

/** graphile-worker's cron matchers take a UTC digest of the minute. */
const at = (iso: string) => {
  const d = new Date(iso);
  return { min: d.getUTCMinutes(), hour: d.getUTCHours(), date: d.getUTCDate(), month: d.getUTCMonth() + 1, dow: d.getUTCDay() };
};

const saved = process.env.RACKPILOT_COMPLIANCE_NIGHTLY_HOUR;
afterEach(() => {
  if (saved === undefined) delete process.env.RACKPILOT_COMPLIANCE_NIGHTLY_HOUR;
  else process.env.RACKPILOT_COMPLIANCE_NIGHTLY_HOUR = saved;
});

describe("workerCrontab", () => {
  it("runs the nightly compliance task at 02:00 UTC by default, catching up within 6 hours", () => {
    delete process.env.RACKPILOT_COMPLIANCE_NIGHTLY_HOUR;
    const [item, ...more] = parseCrontab(workerCrontab());
    expect(more).toEqual([]);
    expect(item).toMatchObject({ task: "compliance_nightly", options: { backfillPeriod: 6 * 3600_000, maxAttempts: 3, jobKey: "compliance_nightly" } });
    expect(item!.match(at("2026-01-11T02:00:00Z"))).toBe(true);
    expect(item!.match(at("2026-01-11T03:00:00Z"))).toBe(false);
  });

  it("takes the hour from RACKPILOT_COMPLIANCE_NIGHTLY_HOUR, and no schedule for off", () => {
    process.env.RACKPILOT_COMPLIANCE_NIGHTLY_HOUR = "23";
    expect(parseCrontab(workerCrontab())[0]!.match(at("2026-01-11T23:00:00Z"))).toBe(true);
    process.env.RACKPILOT_COMPLIANCE_NIGHTLY_HOUR = "OFF";
    expect(parseCrontab(workerCrontab())).toEqual([]);
  });

  it("refuses an hour it cannot read rather than guess", () => {
    for (const value of ["24", "2am", "-1"]) {
      process.env.RACKPILOT_COMPLIANCE_NIGHTLY_HOUR = value;
      expect(() => workerCrontab(), value).toThrow(`RACKPILOT_COMPLIANCE_NIGHTLY_HOUR must be an hour from 0 to 23 (UTC) or "off", not "${value.toLowerCase()}"`);
    }
  });
});
