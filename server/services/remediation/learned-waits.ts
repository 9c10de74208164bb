/**
 * How soon to take the first look at something slow the BMC does (a host restart, an update's task), learned in this worker
 * process from the hosts of the same model: the shortest time such a wait was seen to end. Every figure noted
 * is when a look found the wait over, so it is at least the true duration, and the shortest of them never
 * grows with the queue's lag (a look scheduled at it is noted at least as late). Lost with the process: only a hint.
 */
const shortestEnded = new Map<string, number>();

/**
 * Until a model has ended one, the longest time such a wait was seen still going: the hosts that started first poll
 * at the caller's floor, and a wave of the same model that starts after them looks first where they already are,
 * instead of every host polling from its own start.
 */
const longestUnfinished = new Map<string, number>();

/** A host restart, or the task of one component's update (`task:bios`). */
export type WaitKind = "host_restart" | `task:${string}`;

export const learnedWaitKey = (kind: WaitKind, server: { manufacturer: string; model: string }) => `${kind}\n${server.manufacturer}\n${server.model}`;

/**
 * The next look's delay, `elapsedMs` into the wait: when the shortest wait of this kind seen to end on this model
 * would be over (until one ended, the longest seen still going), never over `capMs` from the wait's start, and never
 * sooner than `floorMs`.
 */
export function learnedLookMs(key: string, floorMs: number, capMs: number, elapsedMs = 0): number {
  const aim = shortestEnded.get(key) ?? longestUnfinished.get(key) ?? 0;
  return Math.max(floorMs, Math.min(aim, capMs) - elapsedMs);
}

/** A look found the wait still going `elapsedMs` after it began. */
export function noteWaitUnfinished(key: string, elapsedMs: number): void {
  if (elapsedMs > (longestUnfinished.get(key) ?? 0)) longestUnfinished.set(key, elapsedMs);
}

/**
 * Until such a wait of a model was seen to end, the server looking at it at the caller's floor (the scout), and until
 * when it counts as looking (its next look, plus the queue's lag). The other servers of the model look less often
 * (`nextLookMs`) and are brought forward when the scout sees the wait end: a wave of one model would otherwise poll
 * together, every server at the floor, before any of them knew how long the wait takes.
 */
const scouts = new Map<string, { server: number; until: number }>();

/** The servers waiting longer for a scout, by wait: when their wait began and when their next look is due. */
const parked = new Map<string, Map<number, { startedAt: number; lookAt: number }>>();

// A server waiting for a scout still looks this many floors later at the latest (the scout may fail, or stall).
const PARKED_LOOK_FLOORS = 10;
// How late a scout's look may come (the queue's lag) before another server takes its place.
const SCOUT_LATE_MS = 1000;

/**
 * The next look's delay for `server`, `elapsedMs` into the wait: `learnedLookMs`, but while no such wait of the model
 * was seen to end, a server other than the scout waits up to PARKED_LOOK_FLOORS floors (never past `capMs`).
 */
export function nextLookMs(key: string, server: number, floorMs: number, capMs: number, elapsedMs = 0): number {
  const delayMs = learnedLookMs(key, floorMs, capMs, elapsedMs);
  const now = Date.now();
  parked.get(key)?.delete(server);
  if (shortestEnded.has(key)) return probeLookMs(key, server, floorMs, capMs, elapsedMs, now) ?? delayMs;
  const scout = scouts.get(key);
  if (!scout || scout.server === server || scout.until < now) {
    scouts.set(key, { server, until: now + delayMs + SCOUT_LATE_MS });
    return delayMs;
  }
  const parkedMs = Math.max(delayMs, Math.min(capMs - elapsedMs, PARKED_LOOK_FLOORS * floorMs));
  if (!parked.has(key)) parked.set(key, new Map());
  parked.get(key)!.set(server, { startedAt: now - elapsedMs, lookAt: now + parkedMs });
  return parkedMs;
}

/**
 * Once a wait of a model was seen to end, every look aims at the shortest end seen, so none sees it end sooner: an end
 * first seen late (the queue lagging, or the looks a floor apart) would hold every later look of the model as late.
 * While that end is over a quarter of a floor (the in-job looks' own floor) after the longest look that saw such a wait
 * still going, one server at a time (the prober, until its look is over a second late) looks halfway between the two
 * instead: whichever it sees halves the gap. The others aim at the shortest end, as before. A gap the last probe did not
 * narrow (its look saw neither: a BMC restarting after its own flash answers no state) is left as it is.
 */
const probes = new Map<string, { server: number; until: number; gapMs: number }>();

function probeLookMs(key: string, server: number, floorMs: number, capMs: number, elapsedMs: number, now: number): number | null {
  const probe = probes.get(key);
  // The prober asking again: its look is over.
  if (probe?.server === server) probe.until = 0;
  else if (probe && probe.until >= now) return null;
  const going = longestUnfinished.get(key);
  if (going === undefined) return null;
  const gapMs = Math.min(shortestEnded.get(key)!, capMs) - going;
  const delayMs = going + gapMs / 2 - elapsedMs;
  if (gapMs <= floorMs / 4 || (probe && gapMs >= probe.gapMs) || delayMs < floorMs) return null;
  probes.set(key, { server, until: now + delayMs + SCOUT_LATE_MS, gapMs });
  return delayMs;
}

/** A parked server whose next look should come sooner: at `lookAt`. */
export type EarlierLook = { server: number; lookAt: Date };

/**
 * A look found the wait over `elapsedMs` after it began. The first of a model answers the servers that were waiting
 * for a scout whose wait (counted from its own start) is over sooner than their next look: the caller brings them forward.
 */
export function noteWaitEnded(key: string, elapsedMs: number): EarlierLook[] {
  const shortest = shortestEnded.get(key);
  if (shortest === undefined || elapsedMs < shortest) shortestEnded.set(key, elapsedMs);
  const endsAfterMs = shortestEnded.get(key)!;
  const waiting = parked.get(key);
  scouts.delete(key);
  parked.delete(key);
  const now = Date.now();
  return [...(waiting ?? [])]
    .filter(([, { startedAt, lookAt }]) => startedAt + endsAfterMs < lookAt)
    .map(([server, { startedAt }]) => ({ server, lookAt: new Date(Math.max(now, startedAt + endsAfterMs)) }));
}
