import { index, integer, pgTable, serial, text, timestamp, unique } from "drizzle-orm/pg-core";
import { oneOf } from "./checks";
import { authProfiles, scanRanges } from "./discovery";
import { nodes } from "./nodes";
import { servers } from "./servers";
import { users } from "./users";

/** A bulk registration (`POST /api/node/register/`): its nodes are registered by background jobs, a chunk each. */
export const registrationBatches = pgTable(
  "registration_batches",
  {
    id: serial().primaryKey(),
    status: oneOf("registration_batch_status")().notNull().default("pending"),
    authProfileId: integer().references(() => authProfiles.id, { onDelete: "set null" }),
    scanRangeId: integer().references(() => scanRanges.id, { onDelete: "set null" }),
    createdById: integer().references(() => users.id, { onDelete: "set null" }),
    nodesTotal: integer().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true, precision: 6 }),
  },
  (table) => [index().on(table.finishedAt)],
);

export const registrationBatchNodes = pgTable(
  "registration_batch_nodes",
  {
    id: serial().primaryKey(),
    batchId: integer()
      .notNull()
      .references(() => registrationBatches.id, { onDelete: "cascade" }),
    /** Null once the node was deleted. */
    nodeId: integer().references(() => nodes.id, { onDelete: "set null" }),
    /** The job that registers it: nodes are grouped in chunks, one job each. */
    chunk: integer().notNull(),
    status: oneOf("registration_node_status")().notNull().default("pending"),
    /** Its first server once registered. */
    serverId: integer().references(() => servers.id, { onDelete: "set null" }),
    message: text().notNull().default(""),
    updatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (table) => [
    unique().on(table.batchId, table.nodeId),
    index().on(table.batchId, table.chunk),
  ],
);

export type RegistrationBatchRow = typeof registrationBatches.$inferSelect;
export type RegistrationBatchNodeRow = typeof registrationBatchNodes.$inferSelect;
