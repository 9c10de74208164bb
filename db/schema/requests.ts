import { index, integer, jsonb, pgTable, serial, timestamp, unique, varchar } from "drizzle-orm/pg-core";
import { oneOf } from "./checks";
import { REQUEST_STATUSES } from "./choices";
import { servers } from "./servers";
import { users } from "./users";

export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Work asked of the fleet (firmware updates, baseline remediation): one row per request, its servers below. */
export const requests = pgTable(
  "requests",
  {
    id: serial().primaryKey(),
    /** What is asked (`firmware_update`, `firmware_baseline_update`...). */
    type: varchar({ length: 64 }).notNull(),
    status: varchar({ length: 32 }).notNull().default("pending"),
    /** The request as the client sent it (baseline, binaries, options), validated by its type. */
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true, precision: 6 }),
    finishedAt: timestamp({ withTimezone: true, precision: 6 }),
  },
  (table) => [index().on(table.status), oneOf("requests_status_check", table.status, REQUEST_STATUSES)],
);

/** The servers a request acts on, each with its own outcome. */
export const requestServers = pgTable(
  "request_servers",
  {
    id: serial().primaryKey(),
    requestId: integer()
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    // Forgetting a server forgets its part in past requests (an active request blocks the delete).
    serverId: integer()
      .notNull()
      .references(() => servers.id, { onDelete: "cascade" }),
    status: varchar({ length: 32 }).notNull().default("pending"),
  },
  (table) => [
    unique("request_servers_request_id_server_id_unique").on(table.requestId, table.serverId),
    index().on(table.serverId),
    oneOf("request_servers_status_check", table.status, REQUEST_STATUSES),
  ],
);

export type RequestRow = typeof requests.$inferSelect;
