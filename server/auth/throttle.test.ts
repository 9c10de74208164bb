import { describe, expect, it } from "vitest";
import { usernameDelayMs } from "./throttle";

describe("usernameDelayMs", () => {
  it("lets the first few attempts through at once, then doubles the wait up to the cap", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((failures) => usernameDelayMs(failures, 10))).toEqual([0, 0, 0, 250, 500, 1000, 2000]);
    expect(usernameDelayMs(20, 10)).toBe(10_000);
    expect(usernameDelayMs(200, 0.2)).toBe(200);
    expect(usernameDelayMs(50, 0)).toBe(0);
  });
});
