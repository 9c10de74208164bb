import { describe, expect, it } from "vitest";
import { DEFAULT_UPDATE_TIMEOUTS, updateTimeoutsFor } from "./timeouts";

describe("update timeouts", () => {
  it("are the defaults, with each vendor's own where its sources differ, under any alias", () => {
    expect(updateTimeoutsFor("Dell Inc.")).toEqual(DEFAULT_UPDATE_TIMEOUTS);
    expect(updateTimeoutsFor(null)).toEqual(DEFAULT_UPDATE_TIMEOUTS);
    expect(updateTimeoutsFor("HP")).toEqual({ ...DEFAULT_UPDATE_TIMEOUTS, taskMs: 2_400_000, bmcReturnMs: 300_000 });
    expect(updateTimeoutsFor("AMI").taskMs).toBe(4_000_000);
  });
});
