import { sql, type SQL } from "drizzle-orm";

/**
 * Joins the fields in a stored search text. No search term holds it in practice (a control
 * character), and the list helper falls back to field-by-field matching for one that does, so a term
 * never matches across two fields.
 */
export const SEARCH_TEXT_SEPARATOR = "\u001f";

/**
 * A stored generated column's expression: the given (NOT NULL) text columns, each lower-cased as
 * ILIKE lower-cases it, joined by the separator. A list searches it with one LIKE per term instead
 * of one ILIKE per field (server/services/list/search.ts).
 */
export function searchTextExpression(columns: readonly string[]): SQL {
  return sql.raw(columns.map((column) => `lower("${column}")`).join(` || E'\\x1f' || `));
}
