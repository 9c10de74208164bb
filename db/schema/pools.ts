import { foreignKey, index, integer, pgTable, serial, text, timestamp, unique, varchar } from "drizzle-orm/pg-core";
import { groups } from "./users";

export const pools = pgTable(
  "pools",
  {
    id: serial().primaryKey(),
    name: varchar({ length: 256 }).notNull(),
    description: text().notNull().default(""),
    groupId: integer().notNull().references(() => groups.id, { onDelete: "restrict" }),
    parentId: integer(),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (table) => [
    index().on(table.groupId),
    index().on(table.parentId),
    unique("pools_id_group_id_unique").on(table.id, table.groupId),
    // A sub-pool is always in its parent's group: the parent must exist with this very group, and moving
    // a pool to another group carries its whole subtree along (ON UPDATE CASCADE), in one statement.
    foreignKey({ name: "pools_parent_group_fk", columns: [table.parentId, table.groupId], foreignColumns: [table.id, table.groupId] })
      .onUpdate("cascade")
      .onDelete("restrict"),
  ],
);
