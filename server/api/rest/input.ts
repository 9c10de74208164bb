import { isPkSchema } from "~/server/lib/fields";
import type { z } from "~/server/lib/zod";

/** Where request data came from: JSON keeps its types; query strings and forms hold only strings. */
export type InputSource = "json" | "form" | "query";

type Schema = z.ZodType;
type Def = { type: string; innerType?: Schema; in?: Schema; out?: Schema; element?: Schema; shape?: Record<string, Schema> };

const def = (schema: Schema) => schema._zod.def as unknown as Def;

// DRF's BooleanField.TRUE_VALUES / FALSE_VALUES.
const TRUE_VALUES = new Set<unknown>(["t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "1", 1]);
const FALSE_VALUES = new Set<unknown>(["f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "0", 0]);
const DECIMAL = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/;
const INTEGER = /^\s*[+-]?\d+\s*$/;

/** The schema that decides a field's type, past optional/nullable/default wrappers and transforms. */
function unwrap(schema: Schema): Schema {
  const d = def(schema);
  if (["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"].includes(d.type) && d.innerType) return unwrap(d.innerType);
  if (d.type === "pipe" && d.in) return unwrap(d.in);
  return schema;
}

function coerceValue(schema: Schema, value: unknown, source: InputSource): unknown {
  const field = unwrap(schema);
  const { type, element, shape } = def(field);
  if (source !== "json") {
    // A repeated key is a list only where the field is one; elsewhere the last value wins (QueryDict).
    if (type === "array" && !Array.isArray(value)) value = [value];
    if (type !== "array" && Array.isArray(value)) value = value.at(-1);
  }
  if (isPkSchema(field)) return typeof value === "string" && INTEGER.test(value) ? Number(value) : value;
  switch (type) {
    case "number":
      return typeof value === "string" && DECIMAL.test(value) ? Number(value) : value;
    case "boolean":
      return TRUE_VALUES.has(value) ? true : FALSE_VALUES.has(value) ? false : value;
    case "string":
      return typeof value === "number" ? String(value) : value;
    case "array":
      return Array.isArray(value) && element ? value.map((item) => coerceValue(element, item, source)) : value;
    case "object":
      return shape && isPlainObject(value) ? coerceObject(shape, value, source) : value;
    default:
      return value;
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function coerceObject(shape: Record<string, Schema>, data: Record<string, unknown>, source: InputSource): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Object.hasOwn(shape, key) ? coerceValue(shape[key]!, value, source) : value]));
}

/**
 * Reads request data the way DRF's fields do before validating it: "5" is an integer, "true"/"on"/1
 * a boolean, 5 a string, and a form or query key is a list only where the field is one. Values a
 * field cannot read are left alone for the schema to reject with DRF's message.
 */
export function coerceInput(schemas: readonly Schema[], data: Record<string, unknown>, source: InputSource): Record<string, unknown> {
  const shape = Object.assign({}, ...schemas.map((schema) => def(unwrap(schema)).shape ?? {})) as Record<string, Schema>;
  return coerceObject(shape, data, source);
}
