import { hash, verify } from "@node-rs/argon2";
import { env } from "../env";

// argon2 costs ~20 MiB and a core for a while: a burst of logins queues here instead of exhausting both.
let running = 0;
const waiting: Array<() => void> = [];
const work = { verifications: 0, peakConcurrent: 0 };

async function limited<T>(task: () => Promise<T>): Promise<T> {
  while (running >= env("RACKPILOT_PASSWORD_HASH_CONCURRENCY")) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  work.peakConcurrent = Math.max(work.peakConcurrent, running);
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** How much password hashing this process has done: verifications, and the most ever run at once. */
export const passwordWork = () => ({ ...work });

export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return limited(async () => {
    work.verifications++;
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}

// Verifying against this when the user does not exist keeps response time from revealing usernames.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  return (decoyHash ??= hashPassword("rackpilot-decoy-password"));
}
