import { randomBytes } from "node:crypto";
import { and, eq, type Placeholder, type SQL, sql } from "drizzle-orm";
import { getDb, type Database, type DbExecutor, oncePerDatabase } from "~/db/client";
import { bmcLeases, type BmcLeaseRow } from "~/db/schema";
import type { BMC_OPERATION_KINDS } from "~/db/schema/choices";
import { BmcBusyError, BmcLeaseLostError } from "./errors";

export type BmcOperationKind = (typeof BMC_OPERATION_KINDS)[number];

export type BmcOperation = {
  kind: BmcOperationKind;
  /**
   * Who holds the lease. A holder with the same owner takes the lease back at once (a retried job
   * naming its subject, e.g. `registration_batch:5:node:9`); anyone else waits for it to end or expire.
   */
  owner: string;
  /** Shown to whoever finds the BMC busy ("registration by admin"). */
  description: string;
};

export type LeaseOptions = {
  /** How long to wait for another holder's operation to end before `BmcBusyError` (0: do not wait). */
  waitMs: number;
  /** A holder that stops renewing loses the lease after this long (default 30 s); renewed every third of it. */
  ttlMs?: number;
  db?: Database;
};

/** What a busy BMC's holder is shown by. */
export type BmcHolder = Pick<BmcLeaseRow, "description" | "startedAt">;

/** The node the lease is on: its id, and its address for messages. */
export type LeasedBmc = { id: number; ip: string; port: number };

export interface BmcLease {
  readonly nodeId: number;
  readonly token: string;
  /** Aborts when the lease is lost (not renewed in time and taken by someone else): stop talking to the BMC. */
  readonly signal: AbortSignal;
  /**
   * In the transaction that records the operation's outcome: throws `BmcLeaseLostError` unless this
   * lease still holds the BMC, and keeps it from changing hands until that transaction ends.
   */
  assertHeld(tx: DbExecutor): Promise<void>;
  release(): Promise<void>;
  /**
   * Parks the lease: stops renewing now, and answers the values with which the caller's own statement
   * (`preparedLeasePark` in it) keeps the BMC for `ms` more without a live holder: for an operation that
   * goes on in a later job under the same owner (remediation waiting for a task or a restart).
   */
  parkValues(ms: number): LeaseParkValues;
}

/** The values `preparedLeasePark`'s placeholders take; all null: parks nothing. */
export type LeaseParkValues = { leaseNodeId: number | null; leaseToken: string | null; leaseSeconds: number | null };
export const NO_LEASE_PARK: LeaseParkValues = { leaseNodeId: null, leaseToken: null, leaseSeconds: null };

const placeholder = (name: keyof LeaseParkValues) => sql.placeholder(name);

/** The update that parks a lease (see `BmcLease.parkValues`) when `onlyIf` holds, for a caller's prepared statement. */
export function preparedLeasePark(db: Database, onlyIf: SQL) {
  return db
    .update(bmcLeases)
    .set({ expiresAt: sql`clock_timestamp() + make_interval(secs => ${placeholder("leaseSeconds")})` })
    .where(and(eq(bmcLeases.nodeId, placeholder("leaseNodeId")), eq(bmcLeases.token, placeholder("leaseToken")), onlyIf))
    .returning({ token: bmcLeases.token });
}

/**
 * The caller's lease row, kept from changing hands until the statement ends (`for share`): for a caller's statement that
 * writes only while it holds the lease (the `leaseNodeId` and `leaseToken` placeholders, as `preparedLeasePark`'s).
 */
export function preparedLeaseHeld(db: DbExecutor) {
  return db
    .select({ token: bmcLeases.token })
    .from(bmcLeases)
    .where(and(eq(bmcLeases.nodeId, placeholder("leaseNodeId")), eq(bmcLeases.token, placeholder("leaseToken"))))
    .for("share");
}

const DEFAULT_TTL_MS = 30_000;
const POLL_MS = { first: 100, max: 1000 };

/**
 * Takes the BMC's lease: at once if it is free, expired or held by the same owner; otherwise polls
 * until `waitMs` has passed, then throws `BmcBusyError` naming the operation in progress.
 */
export async function acquireBmcLease(bmc: LeasedBmc, operation: BmcOperation, options: LeaseOptions): Promise<BmcLease> {
  const db = options.db ?? getDb();
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const token = randomBytes(16).toString("hex");
  const deadline = Date.now() + options.waitMs;
  for (let pause = POLL_MS.first; ; pause = Math.min(pause * 2, POLL_MS.max)) {
    if (await tryAcquire(db, bmc.id, operation, token, ttlMs)) return holdLease(db, bmc.id, token, ttlMs);
    const [holder] = await db.select().from(bmcLeases).where(eq(bmcLeases.nodeId, bmc.id));
    // Released between the two reads: try again at once.
    if (!holder) continue;
    const left = deadline - Date.now();
    if (left <= 0) throw new BmcBusyError(bmc, holder);
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
  }
}

/** Runs `work` holding the BMC's lease, and always releases it. */
export async function withBmcLease<T>(bmc: LeasedBmc, operation: BmcOperation, options: LeaseOptions, work: (lease: BmcLease) => Promise<T>): Promise<T> {
  const lease = await acquireBmcLease(bmc, operation, options);
  try {
    return await work(lease);
  } finally {
    await lease.release();
  }
}

// A proposed row takes the BMC when it is free, expired or held by the same owner (the row that was proposed:
// `excluded`, so one set of values serves both branches).
const TAKE_OVER = {
  target: bmcLeases.nodeId,
  set: { kind: sql`excluded.kind`, owner: sql`excluded.owner`, description: sql`excluded.description`, token: sql`excluded.token`, startedAt: sql`excluded.started_at`, expiresAt: sql`excluded.expires_at` },
  setWhere: sql`${bmcLeases.expiresAt} < clock_timestamp() or ${bmcLeases.owner} = excluded.owner`,
};

/** The row a taker proposes, its columns in the table's order (placeholders: those of `LeaseTake`). */
const proposedLease = (nodeId: SQL | Placeholder, description: SQL | Placeholder) => ({
  nodeId,
  kind: sql.placeholder("kind"),
  owner: sql.placeholder("owner"),
  token: sql.placeholder("token"),
  description,
  startedAt: sql`clock_timestamp()`,
  expiresAt: sql`clock_timestamp() + make_interval(secs => ${sql.placeholder("ttlS")})`,
});

function prepareAcquire(db: Database) {
  return db
    .insert(bmcLeases)
    .values(proposedLease(sql.placeholder("nodeId"), sql.placeholder("description")))
    .onConflictDoUpdate(TAKE_OVER)
    .returning({ token: bmcLeases.token })
    .prepare("bmc_lease_acquire");
}

/**
 * The upsert that takes the lease of the node `nodeId` names, for each row of `source` (`from ... where ...`), for a
 * caller's own statement: as a data-modifying CTE, a read that takes its lease in the same round trip (see
 * `leaseFromTake`). `description` is SQL, so that it can name what the statement reads.
 */
export function preparedLeaseTake(db: Database, nodeId: SQL, description: SQL, source: SQL) {
  const row = sql.join(Object.values(proposedLease(nodeId, description)), sql`, `);
  return db.insert(bmcLeases).select(sql`select ${row} ${source}`).onConflictDoUpdate(TAKE_OVER).returning({ token: bmcLeases.token });
}

/** A take by a caller's statement: its placeholders' values (a new token, the default TTL). */
export type LeaseTake = { kind: BmcOperationKind; owner: string; token: string; ttlS: number };

export const leaseTake = (kind: BmcOperationKind, owner: string): LeaseTake => ({ kind, owner, token: randomBytes(16).toString("hex"), ttlS: DEFAULT_TTL_MS / 1000 });

/**
 * The lease a caller's statement took (`preparedLeaseTake`): held if it answered the take's token; if not, the BMC
 * was held by someone else: `BmcBusyError` naming the holder the statement read, or (none read: released meanwhile)
 * one more attempt, as `acquireBmcLease` without a wait. `description`: the one the statement wrote.
 */
export async function leaseFromTake(db: Database, bmc: LeasedBmc, take: LeaseTake, description: string, answer: { token: string | null; holder: BmcHolder | null }): Promise<BmcLease> {
  if (answer.token === take.token) return holdLease(db, bmc.id, take.token, take.ttlS * 1000);
  if (answer.holder) throw new BmcBusyError(bmc, answer.holder);
  return acquireBmcLease(bmc, { kind: take.kind, owner: take.owner, description }, { waitMs: 0, db });
}

// Built once per database handle, like every statement a job runs (building SQL is drizzle's main cost); a remediation
// job takes its lease in its opening read instead (`preparedLeaseTake`).
const acquirerOf = oncePerDatabase(prepareAcquire);

async function tryAcquire(db: Database, nodeId: number, operation: BmcOperation, token: string, ttlMs: number): Promise<boolean> {
  const rows = await acquirerOf(db).execute({ nodeId, ...operation, token, ttlS: ttlMs / 1000 });
  return rows.length > 0;
}

function prepareHolderWrites(db: Database) {
  const mine = and(eq(bmcLeases.nodeId, sql.placeholder("nodeId")), eq(bmcLeases.token, sql.placeholder("token")));
  return {
    extend: db
      .update(bmcLeases)
      .set({ expiresAt: sql`clock_timestamp() + make_interval(secs => ${sql.placeholder("seconds")})` })
      .where(mine)
      .returning({ token: bmcLeases.token })
      .prepare("bmc_lease_extend"),
    release: db.delete(bmcLeases).where(mine).prepare("bmc_lease_release"),
  };
}

// Renewed while a job works and released at its end: built once per database handle, like the upsert.
const holderWritesOf = oncePerDatabase(prepareHolderWrites);

function holdLease(db: Database, nodeId: number, token: string, ttlMs: number): BmcLease {
  const { extend, release } = holderWritesOf(db);
  const lost = new AbortController();
  const renew = async () => {
    const rows = await extend.execute({ nodeId, token, seconds: ttlMs / 1000 });
    if (!rows.length) lost.abort(new BmcLeaseLostError(nodeId));
  };
  // A failed renewal (database away for a moment) is retried on the next tick; the TTL covers two misses.
  const timer = setInterval(() => void renew().catch(() => undefined), ttlMs / 3);
  timer.unref();
  return {
    nodeId,
    token,
    signal: lost.signal,
    async assertHeld(tx) {
      const [row] = await preparedLeaseHeld(tx).prepare("bmc_lease_held").execute({ leaseNodeId: nodeId, leaseToken: token });
      if (!row) throw new BmcLeaseLostError(nodeId);
    },
    async release() {
      clearInterval(timer);
      await release.execute({ nodeId, token });
    },
    parkValues(ms) {
      clearInterval(timer);
      return { leaseNodeId: nodeId, leaseToken: token, leaseSeconds: ms / 1000 };
    },
  };
}
