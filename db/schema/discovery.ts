import { bigint, customType, index, integer, pgTable, serial, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { oneOf } from "./checks";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

export const scanRanges = pgTable(
  "scan_ranges",
  {
    id: serial().primaryKey(),
    name: varchar({ length: 256 }).notNull().unique(),
    ipFrom: varchar({ length: 15 }).notNull(),
    ipTo: varchar({ length: 15 }).notNull(),
    ports: integer().array().notNull().default([443]),
    status: oneOf("scan_range_status")().notNull().default("ready"),
    lastScanAt: timestamp({ withTimezone: true, precision: 6 }),
    lastScanFound: integer(),
    /** Why the last scan ended in `error`; empty otherwise. */
    statusMessage: text().notNull().default(""),
    /** When the running (or last) scan started: nodes not seen since then did not answer it. */
    scanStartedAt: timestamp({ withTimezone: true, precision: 6 }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
);

/**
 * One block of a scan range's addresses, swept and identified by one job: the unit of retry, so that
 * several worker processes share a large scan. A new scan of the range replaces its chunks.
 */
export const scanChunks = pgTable(
  "scan_chunks",
  {
    id: serial().primaryKey(),
    scanRangeId: integer()
      .notNull()
      .references(() => scanRanges.id, { onDelete: "cascade" }),
    /** The first address as a number (IPv4, big-endian) and how many follow it, this one included. */
    firstAddress: bigint({ mode: "number" }).notNull(),
    addressCount: integer().notNull(),
    /** The range's ports when the scan started: an edit during a scan does not change it. */
    ports: integer().array().notNull(),
    status: oneOf("scan_chunk_status")().notNull().default("pending"),
    /** Addresses whose every port has been tried, in the current attempt. */
    addressesProbed: integer().notNull().default(0),
    /** Redfish services identified, in the current attempt. */
    nodesFound: integer().notNull().default(0),
    error: text().notNull().default(""),
    updatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (table) => [index().on(table.scanRangeId)],
);

export const authProfiles = pgTable(
  "auth_profiles",
  {
    id: serial().primaryKey(),
    nodeClassification: varchar({ length: 256 }).notNull(),
    bmc: oneOf("bmc_protocol")().notNull().default("redfish"),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
);

/** BMC credentials: the password only as AES-256-GCM ciphertext, with the id of the key that sealed it. */
export const authCredentials = pgTable(
  "auth_credentials",
  {
    id: serial().primaryKey(),
    authProfileId: integer()
      .notNull()
      .references(() => authProfiles.id, { onDelete: "cascade" }),
    username: varchar({ length: 256 }).notNull(),
    passwordCiphertext: bytea().notNull(),
    keyId: varchar({ length: 32 }).notNull(),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (table) => [index().on(table.authProfileId)],
);

export type ScanRangeRow = typeof scanRanges.$inferSelect;
export type ScanChunkRow = typeof scanChunks.$inferSelect;
export type AuthProfileRow = typeof authProfiles.$inferSelect;
