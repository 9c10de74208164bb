import { bigint, index, integer, pgTable, primaryKey, serial, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { oneOf } from "./checks";
import { users } from "./users";

export const firmwareBinaries = pgTable(
  "firmware_binaries",
  {
    id: serial().primaryKey(),
    name: varchar({ length: 256 }).notNull(),
    firmwareType: oneOf("firmware_type")().notNull(),
    version: varchar({ length: 128 }).notNull(),
    manufacturer: varchar({ length: 128 }).notNull(),
    models: text().array().notNull().default([]),
    location: text().notNull(),
    /** Rackpilot's own copy under the data dir (uploaded or downloaded once from `location`). */
    storedPath: text(),
    checksum: varchar({ length: 64 }).notNull(),
    size: bigint({ mode: "number" }).notNull(),
    releaseNotes: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (table) => [
    index().on(table.firmwareType),
    index().on(table.manufacturer),
  ],
);

export const firmwareBaselines = pgTable("firmware_baselines", {
  id: serial().primaryKey(),
  name: varchar({ length: 256 }).notNull().unique(),
  description: text().notNull().default(""),
  createdById: integer().references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
});

export const firmwareBaselineBinaries = pgTable(
  "firmware_baseline_binaries",
  {
    baselineId: integer()
      .notNull()
      .references(() => firmwareBaselines.id, { onDelete: "cascade" }),
    // Restrict: the catalog refuses to delete a binary a baseline still uses.
    firmwareBinaryId: integer()
      .notNull()
      .references(() => firmwareBinaries.id, { onDelete: "restrict" }),
  },
  (table) => [primaryKey({ columns: [table.baselineId, table.firmwareBinaryId] }), index().on(table.firmwareBinaryId)],
);
