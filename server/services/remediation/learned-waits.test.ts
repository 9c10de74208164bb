import { describe, expect, it } from "vitest";
import { learnedLookMs, learnedWaitKey, noteWaitEnded } from "./learned-waits";

describe("learned first looks", () => {
  const server = { manufacturer: "Dell Inc.", model: "PowerEdge R650-learned" };
  const key = learnedWaitKey("host_restart", server);

  it("looks after the floor until a host of the model was seen back, then at the shortest wait seen to end", () => {
    expect(learnedLookMs(key, 500, 300_000)).toBe(500);
    noteWaitEnded(key, 4_200);
    expect(learnedLookMs(key, 500, 300_000)).toBe(4_200);
    // A later, longer wait (a look that came late) does not move it; a shorter one does.
    noteWaitEnded(key, 9_000);
    expect(learnedLookMs(key, 500, 300_000)).toBe(4_200);
    noteWaitEnded(key, 3_100);
    expect(learnedLookMs(key, 500, 300_000)).toBe(3_100);
  });

  it("counts a later look from the wait's start", () => {
    expect(learnedLookMs(key, 500, 300_000, 1_000)).toBe(2_100);
    expect(learnedLookMs(key, 500, 300_000, 2_900)).toBe(500);
    expect(learnedLookMs(key, 500, 2_000, 1_000)).toBe(1_000);
  });

  it("never looks before the floor nor after the cap, and keeps models apart", () => {
    expect(learnedLookMs(key, 5_000, 300_000)).toBe(5_000);
    expect(learnedLookMs(key, 500, 2_000)).toBe(2_000);
    expect(learnedLookMs(learnedWaitKey("host_restart", { ...server, model: "PowerEdge R750-learned" }), 500, 300_000)).toBe(500);
  });
});
