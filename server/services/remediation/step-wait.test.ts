import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
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
    part: { id: 1 },
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

describe("a later look at an update's task", () => {
  const model = { ...server, model: "SYS-in-job-look-test" };

  /** A BIOS task looked at before (its record is in the step), accepted `agoMs` ago, whose BMC answers `states` in turn (the last one from then on). */
  function lookedAt(agoMs: number, states: string[]) {
    const accepted = { sentAt: new Date(Date.now() - agoMs).toISOString(), tracker: { task: "/redfish/v1/TaskService/Tasks/1" } };
    const reads: number[] = [];
    const client = {
      bmc: "127.0.0.1",
      get: async () => {
        reads.push(Date.now());
        return { status: 200, headers: {}, body: { "@odata.id": "/redfish/v1/TaskService/Tasks/1", TaskState: states[Math.min(reads.length, states.length) - 1] }, text: "", messageId: undefined };
      },
    };
    const run = {
      ...justAccepted(agoMs),
      server: model,
      signal: new AbortController().signal,
      step: { name: "wait_for_task", component: "bios", state: { accepted } },
      component: () => ({ earlier: { accepted } }),
      client: async () => client,
    } as unknown as StepRun;
    return { run, reads };
  }

  it("comes again in the same job when such a task was already seen over: the task about to end costs no new job", async () => {
    noteWaitEnded(learnedWaitKey("task:bios", model), 2_000);
    const { run, reads } = lookedAt(2_000, ["Running", "Completed"]);
    expect(await waitForTask(run)).toMatchObject({ kind: "done", state: { outcome: "completed" } });
    expect(reads).toHaveLength(2);
    // A quarter poll interval apart at the least.
    expect(reads[1]! - reads[0]!).toBeGreaterThanOrEqual(120);
  });

  it("hands the wait over once the job paused for one poll interval, or when such tasks end later", async () => {
    noteWaitEnded(learnedWaitKey("task:bios", model), 2_000);
    const running = lookedAt(2_000, ["Running"]);
    expect(await waitForTask(running.run)).toMatchObject({ kind: "wait", afterMs: 500 });
    // Four pauses of 125 ms: the poll interval (500 ms) of pausing the job may spend.
    expect(running.reads).toHaveLength(5);
    const early = lookedAt(500, ["Running"]);
    const outcome = await waitForTask(early.run);
    expect(outcome).toMatchObject({ kind: "wait" });
    expect(outcome.kind === "wait" && outcome.afterMs).toBeGreaterThan(1_400);
    expect(early.reads).toHaveLength(1);
  });
});

describe("the looks at a model's first tasks", () => {
  const model = { ...server, model: "SYS-scout-test" };

  it("one server looks after the poll interval, the others later; its look that sees the task over brings theirs forward", async () => {
    const executed: unknown[][] = [];
    const db = { execute: async (query: SQL) => executed.push(new PgDialect().sqlToQuery(query).params) };
    const accepted = (server: number) => ({ ...justAccepted(0), server: model, part: { id: server }, db }) as unknown as StepRun;
    expect(await delayOf(accepted(11))).toBeLessThanOrEqual(500);
    expect(await delayOf(accepted(12))).toBeGreaterThan(4_900);
    const sentAt = new Date(Date.now() - 2_000).toISOString();
    const client = { bmc: "127.0.0.1", get: async () => ({ status: 200, headers: {}, body: { TaskState: "Completed" }, text: "", messageId: undefined }) };
    const scoutLook = {
      ...accepted(11),
      signal: new AbortController().signal,
      step: { name: "wait_for_task", component: "bios", state: { accepted: { sentAt, tracker: { task: "/redfish/v1/TaskService/Tasks/1" } } } },
      client: async () => client,
    } as unknown as StepRun;
    expect(await waitForTask(scoutLook)).toMatchObject({ kind: "done", state: { outcome: "completed" } });
    // One statement, for the parked server only (its queued job's key names it).
    expect(executed).toHaveLength(1);
    expect((JSON.parse(executed[0]![0] as string) as { key: string }[]).map((look) => look.key)).toEqual(["remediation:server:12"]);
  });
});
