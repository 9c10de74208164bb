import { afterEach, describe, expect, it, vi } from "vitest";
import { learnedLookMs, learnedWaitKey, nextLookMs, noteWaitEnded, noteWaitUnfinished } from "./learned-waits";

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

describe("a model's first servers: one scout, the others parked until it sees the wait end", () => {
  const keyOf = (model: string) => learnedWaitKey("task:bios", { manufacturer: "Dell Inc.", model });
  afterEach(() => vi.useRealTimers());

  it("the scout looks at the floor, the others up to ten floors later, brought forward to when their own wait is over", () => {
    const key = keyOf("PowerEdge R650-scout");
    vi.useFakeTimers({ now: 1_000_000 });
    expect(nextLookMs(key, 1, 500, 5_000)).toBe(500);
    expect(nextLookMs(key, 2, 500, 5_000)).toBe(5_000);
    vi.setSystemTime(1_000_300);
    expect(nextLookMs(key, 3, 500, 60_000)).toBe(5_000);
    vi.setSystemTime(1_000_500);
    expect(nextLookMs(key, 1, 500, 5_000, 500)).toBe(500);
    // Seen over 2.1 s after it began: server 2's wait (begun with the scout's) is over now, server 3's 0.3 s later.
    vi.setSystemTime(1_002_100);
    expect(noteWaitEnded(key, 2_100)).toEqual([
      { server: 2, lookAt: new Date(1_002_100) },
      { server: 3, lookAt: new Date(1_002_400) },
    ]);
    // Then every server looks when the soonest was over, and none is parked any more.
    expect(nextLookMs(key, 4, 500, 5_000)).toBe(2_100);
    expect(nextLookMs(key, 5, 500, 5_000)).toBe(2_100);
    expect(noteWaitEnded(key, 2_500)).toEqual([]);
  });

  it("brings forward only the parked looks due later than the wait's end", () => {
    const key = keyOf("PowerEdge R650-scout-due");
    vi.useFakeTimers({ now: 2_000_000 });
    expect(nextLookMs(key, 1, 500, 5_000)).toBe(500);
    // Parked no later than the cap: due before the wait is seen to end.
    expect(nextLookMs(key, 2, 500, 1_000)).toBe(1_000);
    expect(nextLookMs(key, 3, 500, 5_000)).toBe(5_000);
    vi.setSystemTime(2_001_800);
    expect(noteWaitEnded(key, 1_800)).toEqual([{ server: 3, lookAt: new Date(2_001_800) }]);
  });

  it("another server takes over from a scout whose next look is over a second late", () => {
    const key = keyOf("PowerEdge R650-scout-late");
    vi.useFakeTimers({ now: 3_000_000 });
    expect(nextLookMs(key, 1, 500, 5_000)).toBe(500);
    vi.setSystemTime(3_001_400);
    expect(nextLookMs(key, 2, 500, 5_000, 1_400)).toBe(3_600);
    vi.setSystemTime(3_001_501);
    expect(nextLookMs(key, 2, 500, 5_000, 1_501)).toBe(500);
    expect(nextLookMs(key, 1, 500, 5_000, 1_501)).toBe(3_499);
    // The new scout is not parked any more: only the old one is brought forward.
    vi.setSystemTime(3_002_000);
    expect(noteWaitEnded(key, 2_000)).toEqual([{ server: 1, lookAt: new Date(3_002_000) }]);
  });
});

describe("an end first seen late: one server at a time looks halfway to the longest wait seen going", () => {
  afterEach(() => vi.useRealTimers());

  // At `now`, a model whose scout saw the wait going `goingMs` into it, and over (its next look late) at `endedMs`.
  function seenLate(key: string, now: number, goingMs: number, endedMs: number): string {
    vi.useFakeTimers({ now });
    noteWaitUnfinished(key, goingMs);
    noteWaitEnded(key, endedMs);
    return key;
  }

  it("halves the gap with each look of the prober, the others aiming at the shortest end, until it is a quarter of a floor", () => {
    const key = seenLate(learnedWaitKey("host_restart", { manufacturer: "Supermicro", model: "SYS-120U-probe" }), 4_000_000, 2_500, 5_000);
    expect(nextLookMs(key, 1, 500, 60_000)).toBe(3_750);
    expect(nextLookMs(key, 2, 500, 60_000)).toBe(5_000);
    // The prober sees it over: every look aims there, and the next prober (once this one's look is past) halfway below.
    vi.setSystemTime(4_003_750);
    noteWaitEnded(key, 3_750);
    expect(nextLookMs(key, 3, 500, 60_000)).toBe(3_750);
    vi.setSystemTime(4_004_751);
    expect(nextLookMs(key, 4, 500, 60_000)).toBe(3_125);
    // That prober sees it still going, and looks again where it was seen over (too close to probe on).
    vi.setSystemTime(4_007_876);
    noteWaitUnfinished(key, 3_125);
    expect(nextLookMs(key, 4, 500, 60_000, 3_125)).toBe(625);
    // A server too far into its own wait does not probe; one at its start does, within the narrowed gap.
    expect(nextLookMs(key, 5, 500, 60_000, 3_200)).toBe(550);
    expect(nextLookMs(key, 6, 500, 60_000)).toBe(3_437.5);
    vi.setSystemTime(4_011_314);
    noteWaitEnded(key, 3_437.5);
    vi.setSystemTime(4_020_000);
    expect(nextLookMs(key, 7, 500, 60_000)).toBe(3_281.25);
    noteWaitUnfinished(key, 3_350);
    // A gap of a quarter of a floor or less: no more probing.
    expect(nextLookMs(key, 8, 500, 60_000)).toBe(3_437.5);
    expect(nextLookMs(key, 7, 500, 60_000, 3_350)).toBe(500);
  });

  it("leaves a gap that a probe did not narrow (its look saw neither)", () => {
    const key = seenLate(learnedWaitKey("task:bmc", { manufacturer: "Dell Inc.", model: "PowerEdge R650-probe-blind" }), 5_000_000, 2_000, 5_000);
    expect(nextLookMs(key, 1, 500, 60_000)).toBe(3_500);
    // Its look found the BMC restarting: no state, nothing noted.
    vi.setSystemTime(5_010_000);
    expect(nextLookMs(key, 2, 500, 60_000)).toBe(5_000);
    expect(nextLookMs(key, 1, 500, 60_000, 3_500)).toBe(1_500);
  });
});
