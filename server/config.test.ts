import { afterEach, expect, it, vi } from "vitest";
import { workerSettings } from "./config";

afterEach(() => vi.unstubAllEnvs());

it("fetches one job per worker slot at once unless told otherwise, and none ahead for a single slot", () => {
  const localQueue = (concurrency: string | undefined, size: string | undefined) => {
    vi.stubEnv("RACKPILOT_WORKER_CONCURRENCY", concurrency);
    vi.stubEnv("RACKPILOT_WORKER_LOCAL_QUEUE", size);
    return workerSettings.localQueueSize;
  };
  expect(localQueue(undefined, undefined)).toBe(64);
  expect(localQueue("8", undefined)).toBe(8);
  expect(localQueue("1", undefined)).toBe(0);
  expect(localQueue("64", "0")).toBe(0);
  expect(localQueue("1", "4")).toBe(4);
  expect(() => localQueue("64", "1")).toThrow("expected 0 (off) or a whole number of at least 2");
});
