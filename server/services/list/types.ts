import type { AnyColumn, SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbExecutor } from "~/db/client";

/** A column of the listed table, or an expression (e.g. a related table's column through a subquery). */
export type Searchable = AnyColumn | SQL;

export type FilterSpec =
  | { kind: "number"; column: AnyColumn; description?: string }
  | { kind: "boolean"; column: AnyColumn; description?: string }
  | { kind: "text"; column: AnyColumn; caseInsensitive?: boolean; description?: string }
  | { kind: "choice"; column: AnyColumn; choices: readonly string[]; caseInsensitive?: boolean; description?: string }
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
  searchFields: Searchable[];
  filters: Record<string, FilterSpec>;
  /** Public ordering name -> column or expression; names may be related (`resource_pool__name`). */
  ordering: Record<string, Searchable>;
  defaultOrdering: string[];
  /** When true the list is a plain JSON array unless `page` or `page_size` is given (MOJO's bare-array lists). */
  bareArrayUnlessPaged?: boolean;
};

export type ListQuery = { search?: string; ordering?: string; page?: string; page_size?: string } & Record<string, string | undefined>;

export type Page<Row> = { count: number; next: string | null; previous: string | null; results: Row[] };
