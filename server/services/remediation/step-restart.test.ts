import { describe, expect, it } from "vitest";
import type { RequestStepRow } from "~/db/schema";
import { noteWaitEnded, learnedWaitKey } from "./learned-waits";
import { firstRestartLookMs, restartForUpdates } from "./step-restart";
import type { StepRun } from "./step-types";

const server = { manufacturer: "Lenovo", model: "ThinkSystem SR650-restart-test" };
const timeouts = { taskMs: 60_000, bmcReturnMs: 60_000, gracefulRestartMs: 30_000, powerOnMs: 90_000, pollIntervalMs: 500 };

/** A server whose BIOS (from `before` to `to`) was flashed and waits for its restart. */
function restartRun(before: string | null, to: string): StepRun {
  const row = (position: number, name: string, component: string | null, state: Record<string, unknown> = {}) => ({ position, name, component, state, status: "succeeded" }) as unknown as RequestStepRow;
  const ref = { component: "bios", systemPath: "/redfish/v1/Systems/1", managerPath: null };
  const steps = [
    row(0, "compliance_check", null, { components: { bios: { ref, version: before } } }),
    row(1, "check_binary", "bios", { plan: { firmware_type: "bios", from_version: before, to_version: to } }),
    row(2, "send_update", "bios", { accepted: { sentAt: new Date().toISOString() } }),
    row(3, "wait_for_task", "bios", { outcome: "completed" }),
    { ...row(4, "restart_host", null), status: "running" } as RequestStepRow,
    { ...row(5, "confirm_version", "bios"), status: "pending" } as RequestStepRow,
  ];
  return { steps, step: steps[4]!, server, part: { id: 1 }, timeouts } as unknown as StepRun;
}

describe("the first look after a host restart", () => {
  it("comes after the power poll until a host of the model was seen back, then when the soonest was", () => {
    expect(firstRestartLookMs(restartRun("1.0", "2.0"), "graceful")).toBe(500);
    noteWaitEnded(learnedWaitKey("host_restart", server), 3_400);
    expect(firstRestartLookMs(restartRun("1.0", "2.0"), "graceful")).toBe(3_400);
  });

  it("still comes after the power poll when only seeing the host down proves the restart", () => {
    noteWaitEnded(learnedWaitKey("host_restart", server), 3_400);
    // A reinstall of the version it runs, and a version unknown before: a later look could not tell a restart happened.
    expect(firstRestartLookMs(restartRun("2.0", "2.0"), "graceful")).toBe(500);
    expect(firstRestartLookMs(restartRun(null, "2.0"), "graceful")).toBe(500);
  });
});

describe("a later look at a restarting host", () => {
  const model = { ...server, model: "ThinkSystem SR650-in-job-look-test" };

  /** The host was reset `agoMs` ago and seen down; its BMC answers `states` in turn (the last one from then on). */
  function seenDown(agoMs: number, states: string[]) {
    const reads: number[] = [];
    const client = {
      getResource: async () => {
        reads.push(Date.now());
        return { PowerState: states[Math.min(reads.length, states.length) - 1], BiosVersion: "1.0" };
      },
    };
    const base = restartRun("1.0", "2.0");
    const step = { ...base.step, state: { phase: "graceful", sentAt: Date.now() - agoMs, sawDown: true } } as RequestStepRow;
    const run = { ...base, server: model, step, signal: new AbortController().signal, client: async () => client } as unknown as StepRun;
    return { run, reads };
  }

  it("comes again in the same job when a host of the model was already seen back by now", async () => {
    noteWaitEnded(learnedWaitKey("host_restart", model), 3_000);
    const { run, reads } = seenDown(3_000, ["PoweringOn", "On"]);
    expect(await restartForUpdates(run)).toMatchObject({ kind: "done", message: "Host restarted (graceful) and on, for bios." });
    expect(reads).toHaveLength(2);
  });

  it("hands the wait over when hosts of the model came back later", async () => {
    noteWaitEnded(learnedWaitKey("host_restart", model), 3_000);
    const { run, reads } = seenDown(1_000, ["Off"]);
    const outcome = await restartForUpdates(run);
    expect(outcome).toMatchObject({ kind: "wait", message: "Host Off.", state: { sawDown: true } });
    // The next look when the soonest host of the model was back, about 2 s from now.
    expect(outcome.kind === "wait" && outcome.afterMs).toBeGreaterThan(1_900);
    expect(reads).toHaveLength(1);
  });
});
