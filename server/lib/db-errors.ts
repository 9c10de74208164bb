import { DomainError, ValidationError } from "../services/errors";
import { invalidPkError } from "./fields";

type PgError = Error & { code?: string; constraint_name?: string; table_name?: string; detail?: string };

const UNIQUE_VIOLATION = "23505";
const FOREIGN_KEY_VIOLATION = "23503";
// ON DELETE RESTRICT reports its own code for the same situation.
const RESTRICT_VIOLATION = "23001";

/**
 * Constraints whose violation needs words of its own; every other unique or foreign-key violation gets
 * DRF's wording from the table and column names (which are the REST resource and field names).
 */
const CONSTRAINT_MESSAGES: Record<string, Record<string, string[]>> = {
  // Django's own User model words its unique username message this way.
  users_username_unique: { username: ["A user with that username already exists."] },
  pools_parent_group_fk: { group: ["A sub-pool must be in its parent pool's group."] },
};

/** drizzle wraps the driver's error as `cause`: the Postgres error with a SQLSTATE code, if any. */
function postgresError(error: unknown): PgError | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (typeof (current as PgError).code === "string" && (current as PgError).code!.length === 5) return current as PgError;
  }
  return undefined;
}

/** "firmware_baselines" -> "firmware baseline": the model's verbose name in DRF's messages. */
export function modelName(table: string): string {
  return table.replace(/ies$/, "y").replace(/(ch|sh|x|ss)es$/, "$1").replace(/([^s])s$/, "$1").replaceAll("_", " ");
}

/** DRF's UniqueValidator message: `{"name": ["group with this name already exists."]}`. */
export const alreadyExists = (table: string, column: string) => `${modelName(table)} with this ${column.replaceAll("_", " ")} already exists.`;

/** `Key (a, b)=(1, x) ...` -> { columns: [a, b], values: [1, x] } (values split naively; only used for ids). */
function keyOf(detail: string | undefined): { columns: string[]; values: string[] } {
  const match = /^Key \((.+?)\)=\((.*?)\)/.exec(detail ?? "");
  return { columns: match?.[1]?.split(", ") ?? [], values: match?.[2]?.split(", ") ?? [] };
}

const fieldOf = (column: string) => column.replace(/_id$/, "");

/**
 * A unique or foreign-key violation as the 400 DRF would answer, or undefined for any other error. The
 * one place these become client errors: services let the database decide, with no read-then-write race.
 */
export function constraintViolation(error: unknown): DomainError | undefined {
  const pg = postgresError(error);
  if (!pg || ![UNIQUE_VIOLATION, FOREIGN_KEY_VIOLATION, RESTRICT_VIOLATION].includes(pg.code!)) return undefined;
  const custom = CONSTRAINT_MESSAGES[pg.constraint_name ?? ""];
  if (custom) return new ValidationError(custom);
  const { columns, values } = keyOf(pg.detail);
  if (pg.code === UNIQUE_VIOLATION) {
    if (columns.length === 1) return ValidationError.field(columns[0]!, alreadyExists(pg.table_name ?? "object", columns[0]!));
    return ValidationError.field("non_field_errors", `The fields ${columns.join(", ")} must make a unique set.`);
  }
  // Deleting (or re-keying) a row that others still refer to: the message names the referenced table.
  const referenced = /^update or delete on table "(\w+)"/.exec(pg.message)?.[1];
  if (referenced) {
    return new ValidationError({ detail: `This ${modelName(referenced)} is still in use by ${(pg.table_name ?? "other objects").replaceAll("_", " ")}: move or delete them first.` });
  }
  if (columns.length === 1) return invalidPkError(fieldOf(columns[0]!), values[0]);
  return ValidationError.field("non_field_errors", "A referenced object does not exist.");
}

/** Any failure a client may see as a DRF error: a domain error, or a constraint violation mapped above. */
export function asDomainError(error: unknown): DomainError | undefined {
  return error instanceof DomainError ? error : constraintViolation(error);
}
