import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function wholeNumber(name: string, fallback: number): number {
  return Math.floor(seconds(name, fallback)) || fallback;
}

export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.RACKPILOT_DATA_DIR ?? ".rackpilot");
}

export const tokenSettings = {
  get accessLifetimeSeconds() {
    return seconds("RACKPILOT_ACCESS_TOKEN_LIFETIME", 24 * 3600);
  },
  get refreshLifetimeSeconds() {
    return seconds("RACKPILOT_REFRESH_TOKEN_LIFETIME", 7 * 24 * 3600);
  },
  get rotateRefreshTokens() {
    return process.env.RACKPILOT_ROTATE_REFRESH_TOKENS === "true";
  },
};

export const workerSettings = {
  get concurrency() {
    return wholeNumber("RACKPILOT_WORKER_CONCURRENCY", 4);
  },
  /** How often a worker process records that it is alive, and frees the jobs of dead ones. */
  get heartbeatIntervalMs() {
    return seconds("RACKPILOT_WORKER_HEARTBEAT_INTERVAL", 5) * 1000;
  },
  /** A worker silent this long is dead: a live one unlocks its jobs. Must exceed any event-loop stall. */
  get heartbeatExpiryMs() {
    return seconds("RACKPILOT_WORKER_HEARTBEAT_EXPIRY", 30) * 1000;
  },
};

export const scanSettings = {
  /** TCP connects in flight at once per worker process, across all its scan chunks (capped at half the open-file limit). */
  get concurrency() {
    return wholeNumber("RACKPILOT_SCAN_CONCURRENCY", 1024);
  },
  get connectTimeoutMs() {
    return seconds("RACKPILOT_SCAN_CONNECT_TIMEOUT", 1) * 1000;
  },
  /** Addresses per chunk: each chunk is one job, the unit of retry and of sharing among workers. */
  get chunkSize() {
    return wholeNumber("RACKPILOT_SCAN_CHUNK_SIZE", 4096);
  },
  /** Open ports identified (unauthenticated GET of the service root) at once per worker process. */
  get probeConcurrency() {
    return wholeNumber("RACKPILOT_SCAN_PROBE_CONCURRENCY", 64);
  },
  get probeTimeoutMs() {
    return seconds("RACKPILOT_SCAN_PROBE_TIMEOUT", 5) * 1000;
  },
};

let cachedSecret: string | undefined;

/** RACKPILOT_SECRET, or a random secret generated once and kept (mode 0600) in the data dir. */
export function rootSecret(): string {
  if (process.env.RACKPILOT_SECRET) return process.env.RACKPILOT_SECRET;
  if (cachedSecret) return cachedSecret;
  const file = path.join(dataDir(), "secret");
  try {
    cachedSecret = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir(), { recursive: true });
    const generated = randomBytes(32).toString("base64url");
    try {
      writeFileSync(file, generated, { mode: 0o600, flag: "wx" });
    } catch {
      // Another process (web or worker) created it first: use theirs.
    }
    cachedSecret = readFileSync(file, "utf8").trim();
  }
  return cachedSecret;
}
