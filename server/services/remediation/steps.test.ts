import { afterEach, describe, expect, it } from "vitest";
import { RedfishProtocolError } from "~/server/redfish";
import { finalStatus } from "./coordinator";
import { classifyFailure } from "./failures";
import { timeoutsFor } from "./settings";
import { nextTaskLookMs } from "./step-wait";
import { componentSteps, stepLayout, stepLabel } from "./steps";
import type { StepRun } from "./step-types";

const saved = process.env.RACKPILOT_UPDATE_TIMEOUTS;
afterEach(() => {
  if (saved === undefined) delete process.env.RACKPILOT_UPDATE_TIMEOUTS;
  else process.env.RACKPILOT_UPDATE_TIMEOUTS = saved;
});

describe("step layout", () => {
  it("gives a BMC no restart, Dell its job queue pre-step, and staged updates a wait for the operator's restart", () => {
    expect(componentSteps("bmc", "Dell Inc.", "immediate")).toEqual(["check_binary", "clear_job_queue", "send_update", "wait_for_task", "confirm_version"]);
    expect(componentSteps("bios", "HPE", "immediate")).toEqual(["check_binary", "send_update", "wait_for_task", "restart_host", "confirm_version"]);
    expect(componentSteps("bmc", "Lenovo", "on_reset")).toEqual(["check_binary", "send_update", "wait_for_task", "wait_for_reset", "confirm_version"]);
  });

  it("shares one host restart among the components that need it, after the last of them, then confirms each", () => {
    const component = (firmware_type: string, firmware_id: number) => ({ firmware_type, firmware_id, steps: componentSteps(firmware_type as "bios", "HPE", "immediate") });
    const layout = stepLayout([component("bmc", 1), component("bios", 2), component("nic", 3)]).map((step) => stepLabel(step.name, step.component));
    expect(layout).toEqual([
      "compliance_check",
      "log_versions",
      "bmc:check_binary",
      "bmc:send_update",
      "bmc:wait_for_task",
      "bmc:confirm_version",
      "bios:check_binary",
      "bios:send_update",
      "bios:wait_for_task",
      "nic:check_binary",
      "nic:send_update",
      "nic:wait_for_task",
      "restart_host",
      "bios:confirm_version",
      "nic:confirm_version",
      "log_new_versions",
    ]);
    expect(stepLayout([]).map((step) => step.name)).toEqual(["compliance_check", "log_versions", "log_new_versions"]);
  });
});

describe("the request's final status", () => {
  it("is cancelled after a cancel, failed when nothing succeeded, partially_failed when some did", () => {
    expect(finalStatus({ cancelRequestedAt: new Date() }, { succeeded: 3 })).toBe("cancelled");
    expect(finalStatus({ cancelRequestedAt: null }, { succeeded: 3 })).toBe("succeeded");
    expect(finalStatus({ cancelRequestedAt: null }, { succeeded: 2, failed: 1 })).toBe("partially_failed");
    expect(finalStatus({ cancelRequestedAt: null }, { failed: 1, cancelled: 2 })).toBe("failed");
    expect(finalStatus({ cancelRequestedAt: null }, {})).toBe("succeeded");
  });
});

describe("update timeouts", () => {
  it("takes the Redfish client's vendor defaults, overridden from the most general key to the most specific", () => {
    delete process.env.RACKPILOT_UPDATE_TIMEOUTS;
    expect(timeoutsFor("HP", "bios")).toMatchObject({ taskMs: 2400_000, bmcReturnMs: 300_000, pollIntervalMs: 15_000 });
    process.env.RACKPILOT_UPDATE_TIMEOUTS = JSON.stringify({ "*": { poll: 5, task: 100 }, "*/bios": { task: 200 }, HPE: { task: 300 }, "HPE/bios": { power_on: 60 } });
    expect(timeoutsFor("Hewlett Packard Enterprise", "bios")).toMatchObject({ taskMs: 300_000, powerOnMs: 60_000, pollIntervalMs: 5000 });
    expect(timeoutsFor("Dell Inc.", "bios")).toMatchObject({ taskMs: 200_000, pollIntervalMs: 5000 });
    expect(timeoutsFor("Dell Inc.", "bmc")).toMatchObject({ taskMs: 100_000, bmcReturnMs: 600_000 });
  });

  it("follows a changed setting, and hands each caller its own copy", () => {
    process.env.RACKPILOT_UPDATE_TIMEOUTS = JSON.stringify({ "*": { poll: 5 } });
    const first = timeoutsFor("Dell Inc.", "bios");
    first.pollIntervalMs = 1;
    expect(timeoutsFor("Dell Inc.", "bios").pollIntervalMs).toBe(5000);
    process.env.RACKPILOT_UPDATE_TIMEOUTS = JSON.stringify({ "*": { poll: 7 } });
    expect(timeoutsFor("Dell Inc.", "bios").pollIntervalMs).toBe(7000);
  });
});

describe("a BMC fault", () => {
  const run = { timeouts: timeoutsFor("Dell Inc.", "bmc") } as StepRun;
  const restarting = (retryAfterMs: number | null) => new RedfishProtocolError("127.0.0.1:443", "GET /redfish/v1/TaskService/Tasks/1 answered 503", 503, "ServiceTemporarilyUnavailable", retryAfterMs);

  it("is looked at again after the BMC's Retry-After when it names one, else after the doubling backoff, at most 30 s", () => {
    const poll = Math.min(run.timeouts.pollIntervalMs, 1000);
    expect(classifyFailure(run, restarting(null), null)).toMatchObject({ kind: "wait", afterMs: poll });
    expect(classifyFailure(run, restarting(3000), null)).toMatchObject({ kind: "wait", afterMs: Math.max(poll, 3000) });
    expect(classifyFailure(run, restarting(10), { since: Date.now(), count: 3 })).toMatchObject({ kind: "wait", afterMs: poll * 8 });
    expect(classifyFailure(run, restarting(3_600_000), null)).toMatchObject({ kind: "wait", afterMs: 30_000 });
  });
});

describe("the next look at a running task", () => {
  const timeouts = { pollIntervalMs: 15_000, taskMs: 1_800_000 };
  it("takes the BMC's Retry-After, capped at 60 s and at the task's budget, else the poll interval", () => {
    expect(nextTaskLookMs(null, timeouts, 0)).toBe(15_000);
    expect(nextTaskLookMs(1_000, timeouts, 0)).toBe(1_000);
    expect(nextTaskLookMs(3_600_000, timeouts, 0)).toBe(60_000);
    expect(nextTaskLookMs(60_000, timeouts, 1_790_000)).toBe(25_000);
  });
});
