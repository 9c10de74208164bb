import { eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { fitsInteger } from "~/server/lib/fields";
import { ValidationError } from "../errors";
import type { FilterSpec } from "./types";

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const INTEGER_COLUMNS = new Set(["PgInteger", "PgSerial"]);
// django-filter's BooleanWidget lower-cases the value first.
const TRUE = new Set(["true", "1"]);
const FALSE = new Set(["false", "0"]);

/** Django's exact lookup on an integer column: a fraction rounds up, a value out of range matches nothing. */
function integerEquals(column: AnyColumn, value: number): SQL {
  const rounded = Math.ceil(value);
  return fitsInteger(rounded) ? eq(column, rounded) : sql`false`;
}

async function condition(name: string, spec: FilterSpec, value: string, db: DbExecutor): Promise<SQL | undefined> {
  switch (spec.kind) {
    case "number":
      if (!NUMBER.test(value)) throw ValidationError.field(name, "Enter a number.");
      return INTEGER_COLUMNS.has(spec.column.columnType) ? integerEquals(spec.column, Number(value)) : eq(spec.column, Number(value));
    case "boolean":
      // django-filter's BooleanFilter ignores a value it cannot read rather than failing.
      if (TRUE.has(value.toLowerCase())) return eq(spec.column, true);
      if (FALSE.has(value.toLowerCase())) return eq(spec.column, false);
      return undefined;
    case "text":
      return spec.caseInsensitive ? sql`lower(${spec.column}) = lower(${value})` : eq(spec.column, value);
    case "choice": {
      const match = spec.choices.find((c) => (spec.caseInsensitive ? c.toLowerCase() === value.toLowerCase() : c === value));
      if (!match) throw ValidationError.field(name, `Select a valid choice. ${value} is not one of the available choices.`);
      return eq(spec.column, match);
    }
    case "relation": {
      const invalid = ValidationError.field(name, "Select a valid choice. That choice is not one of the available choices.");
      if (!INTEGER.test(value) || !fitsInteger(Number(value))) throw invalid;
      const visible = spec.visible ? sql` and ${spec.visible}` : sql``;
      const [row] = await db.execute(sql`select 1 from ${spec.references} where id = ${Number(value)}${visible} limit 1`);
      if (!row) throw invalid;
      return spec.where ? spec.where(Number(value)) : eq(spec.column, Number(value));
    }
    case "custom":
      return spec.where(value, db);
  }
}

/** django-filter semantics: exact matches; an empty value or an unknown parameter means no filter. */
export async function filterConditions(
  filters: Record<string, FilterSpec>,
  query: Record<string, string | undefined>,
  db: DbExecutor,
): Promise<SQL[]> {
  const conditions: SQL[] = [];
  const errors: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(filters)) {
    const value = query[name];
    if (value === undefined || value === "") continue;
    try {
      // Django's form fields refuse NUL for every filter kind; Postgres cannot compare text holding one.
      if (value.includes("\0")) throw ValidationError.field(name, "Null characters are not allowed.");
      const where = await condition(name, spec, value, db);
      if (where) conditions.push(where);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      Object.assign(errors, error.fields);
    }
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return conditions;
}
