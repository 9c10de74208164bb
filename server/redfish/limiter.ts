/**
 * A cap on requests in flight per BMC, shared by every client of this process that talks to the
 * same `address:port` (a scan, a registration and a refresh of one BMC add up, not multiply).
 */
interface Gate {
  active: number;
  waiting: (() => void)[];
}

const gates = new Map<string, Gate>();

/** Waits for a slot on `key` (at most `max` held at once) and returns its release function. */
export async function acquireSlot(key: string, max: number, signal?: AbortSignal): Promise<() => void> {
  let gate = gates.get(key);
  if (!gate) {
    gate = { active: 0, waiting: [] };
    gates.set(key, gate);
  }
  const current = gate;
  if (current.active >= max) {
    signal?.throwIfAborted();
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        current.waiting = current.waiting.filter((entry) => entry !== wake);
        reject(signal?.reason);
      };
      const wake = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      current.waiting.push(wake);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  } else current.active++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = current.waiting.shift();
    // The slot passes straight to the next waiter; the count only drops when nobody waits.
    if (next) next();
    else if (--current.active === 0) gates.delete(key);
  };
}

/** Requests in flight on `key` now (for tests and diagnostics). */
export function slotsInUse(key: string): number {
  return gates.get(key)?.active ?? 0;
}
