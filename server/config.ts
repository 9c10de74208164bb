import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "./env";

export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), env("RACKPILOT_DATA_DIR"));
}

export const tokenSettings = {
  get accessLifetimeSeconds() {
    return env("RACKPILOT_ACCESS_TOKEN_LIFETIME");
  },
  get refreshLifetimeSeconds() {
    return env("RACKPILOT_REFRESH_TOKEN_LIFETIME");
  },
  get rotateRefreshTokens() {
    return env("RACKPILOT_ROTATE_REFRESH_TOKENS");
  },
};

export const workerSettings = {
  get concurrency() {
    return env("RACKPILOT_WORKER_CONCURRENCY");
  },
  /**
   * Jobs fetched (and locked) at once for the worker's slots; 0: each idle slot asks the database itself.
   * By default one per slot: graphile-worker warns about a batch smaller than its concurrency, and takes no batch of 1.
   */
  get localQueueSize() {
    const concurrency = this.concurrency;
    return env("RACKPILOT_WORKER_LOCAL_QUEUE") ?? (concurrency >= 2 ? concurrency : 0);
  },
  /** How often an idle worker looks for jobs whose run_at came (new jobs are announced at once; jobs this process queued for later wake it when due). */
  get pollIntervalMs() {
    return env("RACKPILOT_WORKER_POLL_INTERVAL") * 1000;
  },
  /** How often a worker process records that it is alive, and frees the jobs of dead ones. */
  get heartbeatIntervalMs() {
    return env("RACKPILOT_WORKER_HEARTBEAT_INTERVAL") * 1000;
  },
  /** A worker silent this long is dead: a live one unlocks its jobs. Must exceed any event-loop stall. */
  get heartbeatExpiryMs() {
    return env("RACKPILOT_WORKER_HEARTBEAT_EXPIRY") * 1000;
  },
};

export const scanSettings = {
  /** TCP connects in flight at once per worker process, across all its scan chunks (capped at half the open-file limit). */
  get concurrency() {
    return env("RACKPILOT_SCAN_CONCURRENCY");
  },
  get connectTimeoutMs() {
    return env("RACKPILOT_SCAN_CONNECT_TIMEOUT") * 1000;
  },
  /** Addresses per chunk: each chunk is one job, the unit of retry and of sharing among workers. */
  get chunkSize() {
    return env("RACKPILOT_SCAN_CHUNK_SIZE");
  },
  /** Open ports identified (unauthenticated GET of the service root) at once per worker process. */
  get probeConcurrency() {
    return env("RACKPILOT_SCAN_PROBE_CONCURRENCY");
  },
  get probeTimeoutMs() {
    return env("RACKPILOT_SCAN_PROBE_TIMEOUT") * 1000;
  },
};

export const registrationSettings = {
  /** Bound on each request to a BMC (connect, TLS, whole answer); retried up to three times. */
  get requestTimeoutMs() {
    return env("RACKPILOT_BMC_REQUEST_TIMEOUT") * 1000;
  },
  /** How long an API call waits for another operation on the same BMC before it answers 400. */
  get lockWaitMs() {
    return env("RACKPILOT_BMC_LOCK_WAIT") * 1000;
  },
  /** Bound on one BMC's whole registration or refresh (log in, crawl, log out). */
  get timeoutMs() {
    return env("RACKPILOT_REGISTER_TIMEOUT") * 1000;
  },
  /** BMCs registered or refreshed at once per process (bulk registration, refresh of every server). */
  get concurrency() {
    return env("RACKPILOT_REGISTER_CONCURRENCY");
  },
  /** Finished bulk registrations stay readable this long. */
  get retentionDays() {
    return env("RACKPILOT_REGISTRATION_RETENTION_DAYS");
  },
};

let cachedSecret: string | undefined;

/** RACKPILOT_SECRET, or a random secret generated once and kept (mode 0600) in the data dir. */
export function rootSecret(): string {
  const configured = env("RACKPILOT_SECRET");
  if (configured) return configured;
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
