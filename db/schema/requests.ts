import { index, integer, jsonb, pgTable, serial, text, timestamp, unique, varchar } from "drizzle-orm/pg-core";
import { oneOf } from "./checks";
import type { REQUEST_STATUSES } from "./choices";
import { firmwareBinaries } from "./firmware";
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
    status: oneOf("request_status")().notNull().default("pending"),
    /** The request as the client sent it (baseline, binaries, options), validated by its type. */
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true, precision: 6 }),
    finishedAt: timestamp({ withTimezone: true, precision: 6 }),
    /** Set by a cancel: the engine starts nothing new and ends the request `cancelled` once accepted flashes are over. */
    cancelRequestedAt: timestamp({ withTimezone: true, precision: 6 }),
  },
  (table) => [index().on(table.status)],
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
    status: oneOf("request_status")().notNull().default("pending"),
    /** Why the server failed or was cancelled (the BMC's words when it said something). */
    message: text().notNull().default(""),
    /** Audit log: each planned component's version as the BMC reported it before and after (`{ bios: "1.2" }`). */
    versionsBefore: jsonb().$type<Record<string, string | null>>(),
    versionsAfter: jsonb().$type<Record<string, string | null>>(),
    /**
     * Bumped with every hand-over to a new job (in the transaction that enqueues it): a job whose payload
     * names an older generation was superseded (its worker died after committing) and does nothing.
     */
    generation: integer().notNull().default(0),
    startedAt: timestamp({ withTimezone: true, precision: 6 }),
    finishedAt: timestamp({ withTimezone: true, precision: 6 }),
  },
  (table) => [
    unique("request_servers_request_id_server_id_unique").on(table.requestId, table.serverId),
    index().on(table.serverId),
  ],
);

export type RequestRow = typeof requests.$inferSelect;

/**
 * One step of a server's part in a request, in order (`position`): persisted before and after it runs,
 * with what it needs to resume (`state`: the prepared update, the accepted update and its task URI,
 * deadlines), so a worker killed at any moment picks up where it was.
 */
export const requestSteps = pgTable(
  "request_steps",
  {
    id: serial().primaryKey(),
    requestServerId: integer()
      .notNull()
      .references(() => requestServers.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    /** `compliance_check`, `log_versions`, `send_update`... (see server/services/remediation/steps.ts). */
    name: varchar({ length: 64 }).notNull(),
    /** The firmware type a component step acts on; null for the server's own steps. */
    component: varchar({ length: 32 }),
    firmwareBinaryId: integer().references(() => firmwareBinaries.id, { onDelete: "set null" }),
    status: oneOf("request_step_status")().notNull().default("pending"),
    message: text().notNull().default(""),
    state: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    startedAt: timestamp({ withTimezone: true, precision: 6 }),
    finishedAt: timestamp({ withTimezone: true, precision: 6 }),
  },
  (table) => [
    unique("request_steps_request_server_id_position_unique").on(table.requestServerId, table.position),
    index().on(table.firmwareBinaryId),
  ],
);

export type RequestServerRow = typeof requestServers.$inferSelect;
export type RequestStepRow = typeof requestSteps.$inferSelect;
