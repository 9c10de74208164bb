import { and, or, sql, type SQL } from "drizzle-orm";
import { SEARCH_TEXT_SEPARATOR } from "~/db/schema/search-text";
import { DomainError } from "../errors";
import type { Searchable, SearchField, SearchText } from "./types";

// Django's smart_split: whitespace separates tokens, except inside "double" or 'single' quotes.
const SMART_SPLIT = /((?:[^\s'"]*(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')[^\s'"]*)+)|\S+)/g;

function unescapeStringLiteral(quoted: string): string {
  const quote = quoted[0]!;
  return quoted.slice(1, -1).replaceAll(`\\${quote}`, quote).replaceAll("\\\\", "\\");
}

/**
 * DRF's search_smart_split: tokens split on whitespace, a token wholly in quotes is one phrase, any
 * other token is split again on commas.
 */
export function searchTerms(search: string): string[] {
  const terms: string[] = [];
  for (const [token] of search.matchAll(SMART_SPLIT)) {
    const term = token.replace(/^,+|,+$/g, "");
    if ((term.startsWith('"') || term.startsWith("'")) && term[0] === term.at(-1)) {
      terms.push(unescapeStringLiteral(term));
    } else {
      for (const part of term.split(",")) if (part) terms.push(part.trim());
    }
  }
  return terms;
}

export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const expressionOf = (field: SearchField): Searchable => ("alphabet" in field ? field.expression : field);

/**
 * One term: any field contains it, ignoring case. ILIKE lower-cases both sides with the field's
 * collation, so `lower(field) LIKE lower(pattern)` is the same test: with a stored search text the
 * covered fields take one LIKE on it, unless the term holds the separator (it could then match
 * across two fields). Its pattern is lower-cased once, in a scalar subquery: in a prepared
 * statement's generic plan, `lower(parameter)` would be computed again for every row.
 */
function termCondition(term: string, fields: SearchField[], stored: SearchText | undefined): SQL {
  const pattern = `%${escapeLike(term)}%`;
  const useStored = stored !== undefined && !term.includes(SEARCH_TEXT_SEPARATOR);
  const matches = fields
    .filter((field) => !(useStored && stored.covers.includes(expressionOf(field))))
    .filter((field) => !("alphabet" in field) || [...term].every((character) => field.alphabet.test(character)))
    .map((field) => sql`cast(${expressionOf(field)} as text) ilike ${pattern}`);
  if (useStored) matches.unshift(sql`${stored.column} like (select lower(${pattern}))`);
  return or(...matches) ?? sql`false`;
}

/** Every term must match (AND); a term matches when any search field contains it, ignoring case (OR). */
export function searchCondition(search: string | undefined, fields: SearchField[], stored?: SearchText): SQL | undefined {
  // DRF validates the parameter as a CharField outside any serializer, hence a bare list body.
  if (search?.includes("\0")) throw new DomainError(400, ["Null characters are not allowed."]);
  const terms = searchTerms(search ?? "");
  if (terms.length === 0 || fields.length === 0) return undefined;
  return and(...terms.map((term) => termCondition(term, fields, stored)));
}
