import { eq, type AnyColumn } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { ValidationError } from "../errors";
import type { FilterSpec } from "./types";

/**
 * A foreign-key filter whose choices are only the rows the actor may see: the id of a row the actor
 * cannot see is rejected exactly like an id that names nothing, so a filter never confirms it exists.
 */
export function scopedRelation(name: string, column: AnyColumn, visible: (db: DbExecutor, id: number) => Promise<boolean>, description: string): FilterSpec {
  return {
    kind: "custom",
    description,
    where: async (value, db) => {
      const id = /^\d+$/.test(value) ? Number(value) : NaN;
      if (!Number.isSafeInteger(id) || !(await visible(db, id))) {
        throw ValidationError.field(name, "Select a valid choice. That choice is not one of the available choices.");
      }
      return eq(column, id);
    },
  };
}
