import { setTimeout as delay } from "node:timers/promises";

export interface RetryPolicy {
  /** Further attempts after the first. */
  retries: number;
  /** First backoff; doubles each attempt, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest `Retry-After` honoured (a BMC rebooting after a flash asks for 20-60 s). */
  maxRetryAfterMs: number;
  /**
   * A `Retry-After` longer than this is not waited for in the request: the answer goes back to the caller, who
   * tries again later (a remediation job re-schedules itself rather than hold its worker slot while it waits).
   */
  maxInlineRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 250, maxDelayMs: 4000, maxRetryAfterMs: 60_000, maxInlineRetryAfterMs: Number.POSITIVE_INFINITY };

/** 5xx that mean "try again" (not 501 Not Implemented), and 429. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || raw.trim() === "") return null;
  if (/^\s*\d+\s*$/.test(raw)) return Number(raw) * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** An answer's `Retry-After` as milliseconds from now; null when it has none. */
export function retryAfterOf(answer: { headers: Record<string, string | string[] | undefined> }): number | null {
  return parseRetryAfter(answer.headers["retry-after"]);
}

/** Wait before attempt `attempt + 1`: the BMC's Retry-After when it gave one, else exponential backoff with jitter. */
export function retryDelayMs(attempt: number, policy: RetryPolicy, retryAfterMs: number | null, random = Math.random): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return delay(ms, undefined, { signal });
}
