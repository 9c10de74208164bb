import { index, inet, integer, pgTable, serial, timestamp, varchar } from "drizzle-orm/pg-core";
import { pools } from "./pools";

export const switches = pgTable(
  "switches",
  {
    id: serial().primaryKey(),
    name: varchar({ length: 256 }).notNull(),
    manufacturer: varchar({ length: 128 }).notNull().default(""),
    model: varchar({ length: 256 }).notNull().default(""),
    serialNumber: varchar({ length: 256 }).notNull().default(""),
    managementIp: inet(),
    portCount: integer(),
    resourcePoolId: integer().references(() => pools.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (table) => [index().on(table.resourcePoolId)],
);
