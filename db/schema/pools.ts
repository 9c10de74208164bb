import { type AnyPgColumn, index, integer, pgTable, serial, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { groups } from "./users";

export const pools = pgTable(
  "pools",
  {
    id: serial().primaryKey(),
    name: varchar({ length: 256 }).notNull(),
    description: text().notNull().default(""),
    groupId: integer().notNull().references(() => groups.id, { onDelete: "restrict" }),
    parentId: integer().references((): AnyPgColumn => pools.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (table) => [index().on(table.groupId), index().on(table.parentId)],
);
