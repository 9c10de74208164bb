import { ThrottledError } from "../services/errors";

/**
 * Counts failed logins per client in a sliding window; past the limit the client gets 429 until the
 * oldest failure leaves the window. In memory: one web process serves the API.
 */
export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  assertAllowed(client: string, now = Date.now()): void {
    const recent = this.recent(client, now);
    if (recent.length >= this.limit) {
      throw new ThrottledError(Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000)));
    }
  }

  recordFailure(client: string, now = Date.now()): void {
    this.failures.set(client, [...this.recent(client, now), now]);
    if (this.failures.size > 10_000) this.prune(now);
  }

  private recent(client: string, now: number): number[] {
    return (this.failures.get(client) ?? []).filter((at) => at > now - this.windowMs);
  }

  private prune(now: number): void {
    for (const [client, times] of this.failures) if (!times.some((at) => at > now - this.windowMs)) this.failures.delete(client);
  }
}

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const holder = globalThis as unknown as { rackpilotLoginThrottle?: FailureThrottle };
export const loginThrottle = (holder.rackpilotLoginThrottle ??= new FailureThrottle(
  envNumber("RACKPILOT_LOGIN_FAILURE_LIMIT", 10),
  envNumber("RACKPILOT_LOGIN_FAILURE_WINDOW", 300) * 1000,
));
