import { describe, expect, it } from "vitest";
import { learnedLookMs, learnedWaitKey, noteWaitEnded, noteWaitUnfinished } from "./learned-waits";

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

  it("until one ended, looks first where the hosts that started before were still waiting", () => {
    const coldKey = learnedWaitKey("task:bmc", { ...server, model: "PowerEdge R650-cold" });
    expect(learnedLookMs(coldKey, 500, 5_000)).toBe(500);
    noteWaitUnfinished(coldKey, 1_500);
    noteWaitUnfinished(coldKey, 1_000);
    expect(learnedLookMs(coldKey, 500, 5_000)).toBe(1_500);
    // The host that saw it still going polls on at the floor; one further behind catches up.
    expect(learnedLookMs(coldKey, 500, 5_000, 1_500)).toBe(500);
    expect(learnedLookMs(coldKey, 500, 5_000, 600)).toBe(900);
    noteWaitUnfinished(coldKey, 9_000);
    expect(learnedLookMs(coldKey, 500, 5_000)).toBe(5_000);
    // Once one ended, the shortest seen to end rules, even below the longest seen going.
    noteWaitEnded(coldKey, 2_100);
    expect(learnedLookMs(coldKey, 500, 5_000)).toBe(2_100);
  });
});
