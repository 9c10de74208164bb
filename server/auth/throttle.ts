import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { DbExecutor } from "~/db/client";
import { rateLimits } from "~/db/schema";
import { env } from "../env";
import { ThrottledError } from "../services/errors";

type Limiters = { byClient: RateLimiterDrizzle; byUsername: RateLimiterDrizzle };

// The counts live in Postgres (rate_limits), so every web process shares one limit.
const limitersByDb = new WeakMap<DbExecutor, Limiters>();

function limiters(db: DbExecutor): Limiters {
  let found = limitersByDb.get(db);
  if (!found) {
    const duration = env("RACKPILOT_LOGIN_FAILURE_WINDOW");
    const store = { storeClient: db, schema: rateLimits, duration };
    found = {
      byClient: new RateLimiterDrizzle({ ...store, keyPrefix: "login-client", points: env("RACKPILOT_LOGIN_FAILURE_LIMIT") }),
      // Counts only: a username is slowed down, never refused, so nobody can lock the admin out from elsewhere.
      byUsername: new RateLimiterDrizzle({ ...store, keyPrefix: "login-username", points: 2 ** 31 - 1 }),
    };
    limitersByDb.set(db, found);
  }
  return found;
}

const FREE_ATTEMPTS = 3;

/** The wait before checking a password for a username that recently failed this often: 0, 0, 0, 0.25 s, 0.5 s, 1 s... capped. */
export function usernameDelayMs(recentFailures: number, maxSeconds: number): number {
  if (recentFailures < FREE_ATTEMPTS) return 0;
  return Math.min(maxSeconds * 1000, 250 * 2 ** (recentFailures - FREE_ATTEMPTS));
}

async function countAttempt(limiter: RateLimiterDrizzle, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new ThrottledError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    throw error;
  }
}

/**
 * One login attempt (password or refresh token). It counts against the client address *before* the
 * credential is checked, so a burst of concurrent attempts cannot all pass a check made before any of
 * them was recorded: past the limit the client gets 429. With a username, the check also waits a delay
 * that grows with the username's recent attempts. A success gives the client its point back and clears
 * the username's count, so people who log in often are never throttled.
 */
export async function throttledLogin<T>(
  db: DbExecutor,
  { client, username }: { client: string; username?: string },
  check: () => Promise<T | null>,
): Promise<T | null> {
  const { byClient, byUsername } = limiters(db);
  await countAttempt(byClient, client);
  const usernameKey = username?.toLowerCase();
  if (usernameKey !== undefined) {
    const counted = await countAttempt(byUsername, usernameKey);
    const delay = usernameDelayMs(counted.consumedPoints - 1, env("RACKPILOT_LOGIN_USERNAME_MAX_DELAY"));
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
  }
  const result = await check();
  if (result !== null) {
    await byClient.reward(client, 1);
    if (usernameKey !== undefined) await byUsername.delete(usernameKey);
  }
  return result;
}
