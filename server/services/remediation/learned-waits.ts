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

/** A look found the wait over `elapsedMs` after it began. */
export function noteWaitEnded(key: string, elapsedMs: number): void {
  const shortest = shortestEnded.get(key);
  if (shortest === undefined || elapsedMs < shortest) shortestEnded.set(key, elapsedMs);
}
