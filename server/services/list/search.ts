import { and, or, sql, type SQL } from "drizzle-orm";
import type { Searchable } from "./types";
import { ValidationError } from "../errors";

/** DRF's SearchFilter term splitting: whitespace and commas separate terms, "quoted phrases" stay whole. */
export function searchTerms(search: string): string[] {
  const terms: string[] = [];
  for (const match of search.matchAll(/"([^"]*)"|[^\s,"]+/g)) {
    const term = (match[1] ?? match[0]).trim();
    if (term) terms.push(term);
  }
  return terms;
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Every term must match (AND); a term matches when any search field contains it, ignoring case (OR). */
export function searchCondition(search: string | undefined, fields: Searchable[]): SQL | undefined {
  if (!search || fields.length === 0) return undefined;
  if (search.includes("\0")) throw ValidationError.field("search", "Null characters are not allowed.");
  const terms = searchTerms(search);
  if (terms.length === 0) return undefined;
  return and(
    ...terms.map((term) => or(...fields.map((field) => sql`cast(${field} as text) ilike ${`%${escapeLike(term)}%`}`))),
  );
}
