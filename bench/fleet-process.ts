// Helpers shared by the benchmarks that run a simulated fleet in a child process (bench/simulator-fleet.ts).
import type { ChildProcess } from "node:child_process";

/** Sends `message` (unless empty) and resolves with the child's next reply of `type`. */
export function ask<T>(child: ChildProcess, message: string, type: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (reply: { type: string }) => {
      if (reply.type !== type) return;
      child.off("message", listener);
      resolve(reply as T);
    };
    child.on("message", listener);
    if (message) child.send(message);
  });
}

/** Runs `total` jobs with at most `width` in flight. */
export async function pool(total: number, width: number, job: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < total) await job(next++);
    }),
  );
}
