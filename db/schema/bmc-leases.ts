import { integer, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { oneOf } from "./checks";
import { nodes } from "./nodes";

/**
 * At most one operation per BMC (registration, refresh, remediation): a row is a lease its holder
 * renews while it works. A holder that dies stops renewing, and the lease expires (see
 * server/services/bmc-operations).
 */
export const bmcLeases = pgTable(
  "bmc_leases",
  {
    nodeId: integer()
      .primaryKey()
      .references(() => nodes.id, { onDelete: "cascade" }),
    kind: oneOf("bmc_operation_kind")().notNull(),
    /** Who holds it: the same owner (a retried job) may take it back before it expires. */
    owner: text().notNull(),
    /** Changes on every acquisition: writes check it, so a holder that lost the lease cannot write. */
    token: varchar({ length: 64 }).notNull(),
    /** What an operator is told while the BMC is busy ("registration by admin"). */
    description: text().notNull(),
    startedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true, precision: 6 }).notNull(),
  },
);

export type BmcLeaseRow = typeof bmcLeases.$inferSelect;
