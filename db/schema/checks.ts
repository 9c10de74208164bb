import { check, type PgColumn } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/** CHECK (column IN (...)): the database refuses a status or kind the code does not know. */
export function oneOf(name: string, column: PgColumn, values: readonly string[]) {
  const list = values.map((value) => `'${value.replaceAll("'", "''")}'`).join(", ");
  return check(name, sql`${column} in (${sql.raw(list)})`);
}
