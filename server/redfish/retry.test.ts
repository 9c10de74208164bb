import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, isRetryableStatus, parseRetryAfter, retryDelayMs } from "./retry";

describe("retry policy", () => {
  it("retries 5xx and 429 but not 501 or 4xx", () => {
    expect([500, 502, 503, 504, 429].map(isRetryableStatus)).toEqual([true, true, true, true, true]);
    expect([501, 400, 401, 404, 200].map(isRetryableStatus)).toEqual([false, false, false, false, false]);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2024-01-01T00:00:00Z");
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter("Mon, 01 Jan 2024 00:00:03 GMT", now)).toBe(3000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });

  it("honours Retry-After up to its cap, else backs off exponentially with jitter", () => {
    expect(retryDelayMs(0, DEFAULT_RETRY, 2000)).toBe(2000);
    expect(retryDelayMs(0, DEFAULT_RETRY, 10 * 60_000)).toBe(DEFAULT_RETRY.maxRetryAfterMs);
    expect(retryDelayMs(0, DEFAULT_RETRY, null, () => 1)).toBe(250);
    expect(retryDelayMs(2, DEFAULT_RETRY, null, () => 0)).toBe(500);
    expect(retryDelayMs(10, DEFAULT_RETRY, null, () => 1)).toBe(DEFAULT_RETRY.maxDelayMs);
  });
});
