import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { clearJobWaker, setJobWaker, wakeWorkerAt } from "./jobs";

const woken: number[] = [];
const waker = (count: number) => void woken.push(count);

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  woken.length = 0;
  setJobWaker(waker);
});
afterEach(() => {
  clearJobWaker(waker);
  vi.useRealTimers();
});

it("wakes the worker once per 10 ms of due times, with the count of jobs due in them, and not before", () => {
  wakeWorkerAt(new Date(1_000_101));
  wakeWorkerAt(new Date(1_000_109));
  wakeWorkerAt(new Date(1_000_250));
  vi.advanceTimersByTime(109);
  expect(woken).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(woken).toEqual([2]);
  vi.advanceTimersByTime(140);
  expect(woken).toEqual([2, 1]);
});

it("leaves jobs already due to graphile-worker's own announcement", () => {
  wakeWorkerAt(new Date(1_000_000));
  wakeWorkerAt(new Date(999_000));
  vi.advanceTimersByTime(1000);
  expect(woken).toEqual([]);
});

it("wakes no worker once it stopped, and a stopped worker does not clear the one that replaced it", () => {
  wakeWorkerAt(new Date(1_000_100));
  clearJobWaker(waker);
  vi.advanceTimersByTime(100);
  expect(woken).toEqual([]);
  const replacement: number[] = [];
  setJobWaker((count) => void replacement.push(count));
  clearJobWaker(waker);
  wakeWorkerAt(new Date(1_000_200));
  vi.advanceTimersByTime(100);
  expect(replacement).toEqual([1]);
});
