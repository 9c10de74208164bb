import { index, integer, pgTable, primaryKey, serial, timestamp } from "drizzle-orm/pg-core";
import { oneOf } from "./checks";
import { firmwareBaselines } from "./firmware";
import { pools } from "./pools";
import { servers } from "./servers";
import { users } from "./users";

const count = () => integer().notNull().default(0);

/** One recorded compliance check of a baseline: when, over which scope, why, and its counts at the time. */
export const complianceSnapshots = pgTable(
  "compliance_snapshots",
  {
    id: serial().primaryKey(),
    baselineId: integer()
      .notNull()
      .references(() => firmwareBaselines.id, { onDelete: "cascade" }),
    takenAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    /** manual (the API), nightly (the cron task) or remediation (after a firmware request). */
    trigger: oneOf("snapshot_trigger")().notNull(),
    /** compatible (every compatible server), pool (a pool and its sub-pools) or server. */
    scope: oneOf("snapshot_scope")().notNull(),
    poolId: integer().references(() => pools.id, { onDelete: "set null" }),
    serverId: integer().references(() => servers.id, { onDelete: "set null" }),
    createdById: integer().references(() => users.id, { onDelete: "set null" }),
    totalServers: count(),
    compliant: count(),
    nonCompliant: count(),
    unknown: count(),
    notApplicable: count(),
    becameNonCompliant: count(),
    becameCompliant: count(),
  },
  (table) => [
    index().on(table.baselineId, table.takenAt),
  ],
);

/**
 * Each server's overall status in a snapshot, with its status in the baseline's previous snapshot that
 * recorded it: history can then count drift for any subset of servers without rescanning older snapshots.
 */
export const complianceSnapshotServers = pgTable(
  "compliance_snapshot_servers",
  {
    snapshotId: integer()
      .notNull()
      .references(() => complianceSnapshots.id, { onDelete: "cascade" }),
    baselineId: integer()
      .notNull()
      .references(() => firmwareBaselines.id, { onDelete: "cascade" }),
    serverId: integer()
      .notNull()
      .references(() => servers.id, { onDelete: "cascade" }),
    overallStatus: oneOf("compliance_status")().notNull(),
    previousStatus: oneOf("compliance_status")(),
  },
  (table) => [
    primaryKey({ columns: [table.snapshotId, table.serverId] }),
    index().on(table.baselineId, table.serverId, table.snapshotId),
    index().on(table.serverId),
  ],
);
