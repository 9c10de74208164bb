import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** rate-limiter-flexible's store (RateLimiterDrizzle): one row per limited key, shared by every web process. */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull(),
  expire: timestamp({ withTimezone: true, precision: 3 }),
});
