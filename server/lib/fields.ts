import { inArray } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbExecutor } from "~/db/client";
import { ValidationError } from "../services/errors";
import { pythonTypeName, z } from "./zod";

const isPk = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value);

/**
 * Whether a number fits Postgres' `integer` (every id column). Comparing one with a larger value is an
 * error in Postgres, where Django finds no row: callers treat such values as naming nothing.
 */
export const fitsInteger = (value: number) => Number.isInteger(value) && value >= -2_147_483_648 && value <= 2_147_483_647;

// Definitions (shared by a schema's clones: `.describe()`, `.meta()`) of pk fields, so the REST facade
// can read "5" as 5 in them, as DRF's PrimaryKeyRelatedField does.
const pkDefinitions = new WeakSet<object>();

function markPk<T extends z.ZodType>(schema: T): T {
  pkDefinitions.add(schema._zod.def);
  return schema;
}

export const isPkSchema = (schema: z.ZodType) => pkDefinitions.has(schema._zod.def);

/** A primary-key reference (DRF's PrimaryKeyRelatedField): existence is checked by `assertPksExist`. */
export const pk = () =>
  markPk(
    z
      .custom<number>(isPk, {
        error: (issue) =>
          issue.input === undefined ? "This field is required." : issue.input === null ? "This field may not be null." : `Incorrect type. Expected pk value, received ${pythonTypeName(issue.input)}.`,
      })
      // A custom schema has no JSON Schema of its own: document it as the integer it is.
      .meta({ override: { type: "integer" } }),
  );

/** A many-to-many list of ids (at most `max`); errors stay flat on the field, as DRF reports them. */
export function pkList({ max }: { max?: number } = {}) {
  const ids = z.array(markPk(z.unknown().meta({ override: { type: "integer" } })));
  return (max === undefined ? ids : ids.max(max)).superRefine((values, ctx) => {
    const wrong = values.find((value) => !isPk(value));
    if (wrong !== undefined) ctx.addIssue({ code: "custom", message: `Incorrect type. Expected pk value, received ${pythonTypeName(wrong)}.` });
  }) as unknown as z.ZodType<number[], unknown[]>;
}

/** DRF's wording for a primary key that names no row: `Invalid pk "999" - object does not exist.` */
export const invalidPkMessage = (id: unknown) => `Invalid pk "${id}" - object does not exist.`;

/** DRF's 400 for a primary key that names no row: `{"<field>": ["Invalid pk \"999\" - object does not exist."]}`. */
export const invalidPkError = (field: string, id: unknown) => ValidationError.field(field, invalidPkMessage(id));

/** `invalidPkError` for the first id that names no row. */
export async function assertPksExist(db: DbExecutor, table: PgTable, idColumn: PgColumn, field: string, ids: number[] | number | null | undefined) {
  const wanted = [ids ?? []].flat();
  if (!wanted.length) return;
  const lookup = wanted.filter(fitsInteger);
  const rows = lookup.length ? await db.select({ id: idColumn }).from(table).where(inArray(idColumn, lookup)) : [];
  const found = new Set(rows.map((r) => r.id as number));
  const missing = wanted.find((id) => !found.has(id));
  if (missing !== undefined) throw invalidPkError(field, missing);
}

/** DRF renders datetimes as ISO 8601 UTC with `Z`. */
export const isoDateTime = (date: Date) => date.toISOString();
export const isoDateTimeOrNull = (date: Date | null) => (date ? date.toISOString() : null);
