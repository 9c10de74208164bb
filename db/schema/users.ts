import { boolean, integer, pgTable, primaryKey, serial, text, timestamp, varchar } from "drizzle-orm/pg-core";

export const groups = pgTable("groups", {
  id: serial().primaryKey(),
  name: varchar({ length: 150 }).notNull().unique(),
});

export const users = pgTable("users", {
  id: serial().primaryKey(),
  username: varchar({ length: 150 }).notNull().unique(),
  email: varchar({ length: 254 }).notNull().default(""),
  firstName: varchar({ length: 150 }).notNull().default(""),
  lastName: varchar({ length: 150 }).notNull().default(""),
  passwordHash: text().notNull(),
  isStaff: boolean().notNull().default(false),
  isActive: boolean().notNull().default(true),
  dateJoined: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  lastLogin: timestamp({ withTimezone: true, precision: 6 }),
});

export const userGroups = pgTable(
  "user_groups",
  {
    userId: integer().notNull().references(() => users.id, { onDelete: "cascade" }),
    groupId: integer().notNull().references(() => groups.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.userId, table.groupId] })],
);
