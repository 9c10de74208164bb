import { eq, isNotNull, isNull, sql, type AnyColumn, type SQL } from "drizzle-orm";
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
const INVALID_CHOICE = "Select a valid choice. That choice is not one of the available choices.";

/** Django's exact lookup on an integer column: a fraction rounds up, a value out of range matches nothing. */
function integerEquals(column: AnyColumn, value: number): SQL {
  const rounded = Math.ceil(value);
  return fitsInteger(rounded) ? eq(column, rounded) : sql`false`;
}

type Condition = { where?: SQL; exists?: (db: DbExecutor) => Promise<boolean> };

async function condition(name: string, spec: FilterSpec, value: string, db: DbExecutor): Promise<Condition> {
  switch (spec.kind) {
    case "number":
      if (!NUMBER.test(value)) throw ValidationError.field(name, "Enter a number.");
      return { where: INTEGER_COLUMNS.has(spec.column.columnType) ? integerEquals(spec.column, Number(value)) : eq(spec.column, Number(value)) };
    case "boolean":
    case "isnull": {
      // django-filter's BooleanFilter ignores a value it cannot read rather than failing.
      const wanted = TRUE.has(value.toLowerCase()) ? true : FALSE.has(value.toLowerCase()) ? false : undefined;
      if (wanted === undefined) return {};
      if (spec.kind === "isnull") return { where: wanted ? isNull(spec.column) : isNotNull(spec.column) };
      return { where: eq(spec.column, wanted) };
    }
    case "text":
      return { where: spec.caseInsensitive ? sql`lower(${spec.column}) = lower(${value})` : eq(spec.column, value) };
    case "choice": {
      const match = spec.choices.find((c) => (spec.caseInsensitive ? c.toLowerCase() === value.toLowerCase() : c === value));
      if (!match) throw ValidationError.field(name, `Select a valid choice. ${value} is not one of the available choices.`);
      return { where: eq(spec.column, match) };
    }
    case "relation": {
      if (!INTEGER.test(value) || !fitsInteger(Number(value))) throw ValidationError.field(name, INVALID_CHOICE);
      const id = Number(value);
      const visible = spec.visible ? sql` and ${spec.visible}` : sql``;
      return {
        where: spec.where ? spec.where(id) : eq(spec.column, id),
        exists: async (executor) => (await executor.execute(sql`select 1 from ${spec.references} where id = ${id}${visible} limit 1`)).length > 0,
      };
    }
    case "custom":
      return { where: await spec.where(value, db) };
  }
}

/**
 * The WHERE conditions of the filters, and `verify`, which checks that every relation filter names a
 * row the caller may see (django-filter's 400 otherwise). A list calls `verify` only when it found no
 * row: any row found proves them all, since it matches `column = id` within the caller's scope and a
 * foreign key (and the pool rule, for pools) makes its referenced row exist and be visible.
 */
export async function filterConditions(
  filters: Record<string, FilterSpec>,
  query: Record<string, string | undefined>,
  db: DbExecutor,
): Promise<{ conditions: SQL[]; verify: () => Promise<void> }> {
  const conditions: SQL[] = [];
  const outcomes: Array<{ name: string; error?: Record<string, unknown>; exists?: Condition["exists"] }> = [];
  for (const [name, spec] of Object.entries(filters)) {
    const value = query[name];
    if (value === undefined || value === "") continue;
    try {
      // Django's form fields refuse NUL for every filter kind; Postgres cannot compare text holding one.
      if (value.includes("\0")) throw ValidationError.field(name, "Null characters are not allowed.");
      const { where, exists } = await condition(name, spec, value, db);
      if (where) conditions.push(where);
      if (exists) outcomes.push({ name, exists });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      outcomes.push({ name, error: error.fields });
    }
  }
  const verify = async () => {
    const errors: Record<string, unknown> = {};
    for (const outcome of outcomes) {
      if (outcome.error) Object.assign(errors, outcome.error);
      else if (outcome.exists && !(await outcome.exists(db))) errors[outcome.name] = [INVALID_CHOICE];
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);
  };
  // Errors are reported together, in the filters' order: with any error known, check the rest now.
  if (outcomes.some((outcome) => outcome.error)) await verify();
  return { conditions, verify };
}
