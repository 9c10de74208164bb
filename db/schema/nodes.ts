import { index, inet, integer, pgTable, serial, text, timestamp, unique, varchar } from "drizzle-orm/pg-core";
import { oneOf } from "./checks";
import { authCredentials, authProfiles, scanRanges } from "./discovery";

/** A BMC found by a scan: one per address and port. */
export const nodes = pgTable(
  "nodes",
  {
    id: serial().primaryKey(),
    ip: inet().notNull(),
    port: integer().notNull(),
    /** `redfish`, or `rest` for an HPE iLO 4 that only serves its legacy `/rest/v1` tree. */
    protocol: varchar({ length: 16 }).notNull().default("redfish"),
    vendor: varchar({ length: 128 }).notNull().default(""),
    product: varchar({ length: 256 }).notNull().default(""),
    redfishVersion: varchar({ length: 32 }).notNull().default(""),
    /** The service root's UUID. */
    uuid: varchar({ length: 64 }).notNull().default(""),
    status: oneOf("node_status")().notNull().default("discovered"),
    statusMessage: text().notNull().default(""),
    scanRangeId: integer().references(() => scanRanges.id, { onDelete: "set null" }),
    authProfileId: integer().references(() => authProfiles.id, { onDelete: "set null" }),
    /** The credential of the profile that logged in last: later calls start with it. */
    credentialId: integer().references(() => authCredentials.id, { onDelete: "set null" }),
    /** SHA-256 of the certificate trusted on first use (hex); credentials only go to a BMC presenting it. */
    certificateSha256: varchar({ length: 64 }),
    lastSeen: timestamp({ withTimezone: true, precision: 6 }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (table) => [
    unique().on(table.ip, table.port),
    index().on(table.status),
    index().on(table.scanRangeId),
  ],
);

export type NodeRow = typeof nodes.$inferSelect;
