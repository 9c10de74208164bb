import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per running worker process, refreshed every few seconds. graphile-worker only frees a job
 * locked by a dead process after four hours; a live worker frees the jobs of any worker whose row
 * went stale (see workers/heartbeat.ts).
 */
export const workerHeartbeats = pgTable("worker_heartbeats", {
  id: text().primaryKey(),
  /** The ids graphile-worker locks jobs with in this process (its pool's id and each worker's). */
  lockIds: text().array().notNull().default([]),
  hostname: text().notNull(),
  pid: integer().notNull(),
  startedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  beatAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
});
