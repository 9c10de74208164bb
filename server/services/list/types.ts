import type { AnyColumn, SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbExecutor } from "~/db/client";

/** A column of the listed table, or an expression (e.g. a related table's column through a subquery). */
export type Searchable = AnyColumn | SQL;

/**
 * A search field, optionally with the only characters its lower-cased text can hold (a URL built
 * from an address and a port): a term with any other character cannot match it, so it is not
 * compared at all, which saves evaluating an expensive expression (a subquery) row by row.
 */
export type SearchField = Searchable | { expression: Searchable; alphabet: RegExp };

/**
 * A stored generated column holding `covers` lower-cased and joined (db/schema/search-text.ts):
 * a term is one LIKE on it instead of one ILIKE per covered field.
 */
export type SearchText = { column: AnyColumn; covers: readonly Searchable[] };

export type FilterSpec =
  | { kind: "number"; column: AnyColumn; description?: string }
  | { kind: "boolean"; column: AnyColumn; description?: string }
  /** django-filter's `field__isnull`: true/1 -> no value, false/0 -> a value, anything else -> no filter. */
  | { kind: "isnull"; column: AnyColumn; description?: string }
  | { kind: "text"; column: AnyColumn; caseInsensitive?: boolean; description?: string }
  /** `column` may be an expression, e.g. a status computed by the query that lists the rows. */
  | { kind: "choice"; column: AnyColumn | SQL; choices: readonly string[]; caseInsensitive?: boolean; description?: string }
  /**
   * A foreign key (or, with `where`, a many-to-many link): an id that names no row of `references`
   * is a 400, as django-filter does. With `visible` (a condition on `references` for the caller), a
   * row the caller may not see is refused exactly like one that does not exist.
   */
  | { kind: "relation"; references: PgTable; column: AnyColumn; where?: (id: number) => SQL; visible?: SQL; description?: string }
  /** Anything else (array membership, many-to-many): `where` builds the condition from the raw value. */
  | { kind: "custom"; where: (value: string, db: DbExecutor) => SQL | Promise<SQL>; type?: "string" | "integer"; description?: string };

export type ListConfig = {
  table: PgTable;
  primaryKey: AnyColumn;
  searchFields: SearchField[];
  searchText?: SearchText;
  filters: Record<string, FilterSpec>;
  /** Public ordering name -> column or expression; names may be related (`resource_pool__name`). */
  ordering: Record<string, Searchable>;
  defaultOrdering: string[];
  /** Computed per row in the same read (counts, related names), so a page's DTOs need no second query. */
  columns?: Record<string, SQL>;
  /** When true the list is a plain JSON array unless `page` or `page_size` is given (MOJO's bare-array lists). */
  bareArrayUnlessPaged?: boolean;
};

export type ListQuery = { search?: string; ordering?: string; page?: string; page_size?: string } & Record<string, string | undefined>;

export type Page<Row> = { count: number; next: string | null; previous: string | null; results: Row[] };
