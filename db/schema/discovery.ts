import { customType, index, integer, pgTable, serial, timestamp, varchar } from "drizzle-orm/pg-core";
import { oneOf } from "./checks";
import { BMC_PROTOCOLS, SCAN_RANGE_STATUSES } from "./choices";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

export const scanRanges = pgTable(
  "scan_ranges",
  {
    id: serial().primaryKey(),
    name: varchar({ length: 256 }).notNull().unique(),
    ipFrom: varchar({ length: 15 }).notNull(),
    ipTo: varchar({ length: 15 }).notNull(),
    ports: integer().array().notNull().default([443]),
    status: varchar({ length: 32 }).notNull().default("ready"),
    lastScanAt: timestamp({ withTimezone: true, precision: 6 }),
    lastScanFound: integer(),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (table) => [oneOf("scan_ranges_status_check", table.status, SCAN_RANGE_STATUSES)],
);

export const authProfiles = pgTable(
  "auth_profiles",
  {
    id: serial().primaryKey(),
    nodeClassification: varchar({ length: 256 }).notNull(),
    bmc: varchar({ length: 32 }).notNull().default("redfish"),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (table) => [oneOf("auth_profiles_bmc_check", table.bmc, BMC_PROTOCOLS)],
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
export type AuthProfileRow = typeof authProfiles.$inferSelect;
