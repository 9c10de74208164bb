import { describe, expect, it } from "vitest";
import { learnedWaitKey, noteWaitEnded } from "./learned-waits";
import type { StepRun } from "./step-types";
import { waitForTask } from "./step-wait";

const server = { manufacturer: "Supermicro", model: "SYS-1029U-first-look-test" };

/** A BIOS update the BMC accepted `agoMs` ago, before any look at its task. */
function justAccepted(agoMs: number, pollIntervalMs = 500): StepRun {
  const accepted = { sentAt: new Date(Date.now() - agoMs).toISOString(), tracker: { task: "/redfish/v1/TaskService/Tasks/1" } };
  const timeouts = { taskMs: 1_800_000, bmcReturnMs: 600_000, gracefulRestartMs: 300_000, powerOnMs: 900_000, pollIntervalMs };
  return {
    server,
    timeouts,
    step: { name: "wait_for_task", component: "bios", state: {} },
    component: () => ({ earlier: { accepted } }),
    client: () => Promise.reject(new Error("the first look must not be taken yet")),
  } as unknown as StepRun;
}

const delayOf = async (run: StepRun) => {
  const outcome = await waitForTask(run);
  if (outcome.kind !== "wait") throw new Error(`expected a wait, got ${outcome.kind}`);
  return outcome.afterMs;
};

describe("the first look at an update's task", () => {
  it("comes one poll interval after the acceptance until such a task of the model was seen over, then when the soonest was", async () => {
    expect(await delayOf(justAccepted(0))).toBeGreaterThan(400);
    expect(await delayOf(justAccepted(0))).toBeLessThanOrEqual(500);
    noteWaitEnded(learnedWaitKey("task:bios", server), 3_000);
    const delay = await delayOf(justAccepted(1_000));
    expect(delay).toBeGreaterThan(1_900);
    expect(delay).toBeLessThanOrEqual(2_000);
    // Another component's tasks are learned apart.
    expect(await delayOf({ ...justAccepted(0), step: { name: "wait_for_task", component: "bmc", state: {} } } as unknown as StepRun)).toBeLessThanOrEqual(500);
  });

  it("comes after at most ten poll intervals, however long such tasks took", async () => {
    noteWaitEnded(learnedWaitKey("task:bios", { ...server, model: "SYS-slow-first-look-test" }), 600_000);
    expect(await delayOf({ ...justAccepted(0, 15_000), server: { ...server, model: "SYS-slow-first-look-test" } } as unknown as StepRun)).toBeLessThanOrEqual(150_000);
    expect(await delayOf({ ...justAccepted(0, 15_000), server: { ...server, model: "SYS-slow-first-look-test" } } as unknown as StepRun)).toBeGreaterThan(149_000);
  });
});
