import { describe, expect, it } from "vitest";
import { ThrottledError } from "../services/errors";
import { FailureThrottle } from "./throttle";

const WINDOW_MS = 60_000;

function thrown(action: () => void): ThrottledError | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof ThrottledError) return error;
    throw error;
  }
  return undefined;
}

describe("FailureThrottle", () => {
  it("allows a client up to the limit of failures in the window, then refuses it until the oldest leaves", () => {
    const throttle = new FailureThrottle(3, WINDOW_MS);
    const start = 1_000_000;
    for (const at of [start, start + 10_000, start + 20_000]) {
      expect(thrown(() => throttle.assertAllowed("127.0.0.9", at))).toBeUndefined();
      throttle.recordFailure("127.0.0.9", at);
    }
    const refused = thrown(() => throttle.assertAllowed("127.0.0.9", start + 30_000));
    expect(refused?.status).toBe(429);
    expect(refused?.body).toEqual({ detail: "Request was throttled. Expected available in 30 seconds." });
    expect(refused?.headers).toEqual({ "Retry-After": "30" });
    expect(thrown(() => throttle.assertAllowed("127.0.0.9", start + WINDOW_MS + 1))).toBeUndefined();
  });

  it("rounds the wait up and says '1 second' in the singular", () => {
    const throttle = new FailureThrottle(1, WINDOW_MS);
    throttle.recordFailure("c", 0);
    expect(thrown(() => throttle.assertAllowed("c", WINDOW_MS - 1))?.body).toEqual({ detail: "Request was throttled. Expected available in 1 second." });
    expect(thrown(() => throttle.assertAllowed("c", 100))?.headers).toEqual({ "Retry-After": "60" });
  });

  it("counts every client on its own", () => {
    const throttle = new FailureThrottle(2, WINDOW_MS);
    throttle.recordFailure("a", 0);
    throttle.recordFailure("a", 1);
    expect(thrown(() => throttle.assertAllowed("a", 2))).toBeInstanceOf(ThrottledError);
    expect(thrown(() => throttle.assertAllowed("b", 2))).toBeUndefined();
  });

  it("forgets failures older than the window", () => {
    const throttle = new FailureThrottle(2, WINDOW_MS);
    throttle.recordFailure("a", 0);
    throttle.recordFailure("a", WINDOW_MS + 5);
    expect(thrown(() => throttle.assertAllowed("a", WINDOW_MS + 10))).toBeUndefined();
  });
});
