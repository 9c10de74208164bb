import { and, asc, Column, desc, getTableColumns, inArray, is, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { DbExecutor } from "~/db/client";
import { filterConditions } from "./filters";
import { InvalidPageError, pageUrl, parsePageRequest } from "./pagination";
import { searchCondition } from "./search";
import type { ListConfig, ListQuery, Page, Searchable } from "./types";

/** DRF's OrderingFilter: allowlisted names only, unknown ones dropped, nothing left -> the default. */
export function orderingNames(config: Pick<ListConfig, "ordering" | "defaultOrdering">, ordering: string | undefined): string[] {
  const chosen = (ordering ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => Object.hasOwn(config.ordering, name.replace(/^-/, "")));
  return chosen.length ? chosen : config.defaultOrdering;
}

const TEXT_COLUMNS = new Set(["PgText", "PgVarchar", "PgChar"]);

/**
 * Orders a text expression linguistically (case-insensitive first, as Django on a linguistic collation
 * does) with the collation migration 0004 creates. Text columns get it automatically; wrap an SQL
 * expression that yields text (a related name through a subquery) in this yourself.
 */
export const linguistic = (expression: Searchable): SQL => sql`${expression} collate "rackpilot_linguistic"`;

const isTextColumn = (expression: Searchable) => is(expression, Column) && TEXT_COLUMNS.has(expression.columnType);

/** The ORDER BY of a list: the chosen names, then the primary key so pages are stable. */
export function orderBy(config: ListConfig, ordering: string | undefined): SQL[] {
  const order = orderingNames(config, ordering).map((name) => {
    const chosen = config.ordering[name.replace(/^-/, "")]!;
    const expression = isTextColumn(chosen) ? linguistic(chosen) : chosen;
    return name.startsWith("-") ? desc(expression) : asc(expression);
  });
  return [...order, asc(config.primaryKey)];
}

type Options = { db: DbExecutor; scope?: SQL; requestUrl?: string };

/** The table's columns as a list reads them: all but its stored search text, which is for matching only. */
function listedColumns(config: ListConfig): Record<string, PgColumn> {
  const columns = getTableColumns(config.table) as Record<string, PgColumn>;
  return Object.fromEntries(Object.entries(columns).filter(([, column]) => column !== config.searchText?.column));
}

const PAGE_KEYS = "list_page";

/**
 * Search, filters, ordering and paging for one resource in one read: rows and the total come from
 * the same query (a window count), so a page and its count never disagree. A page is chosen by key
 * first (narrow rows to sort), then only its own rows are read whole, with their computed columns.
 */
export async function runList<Row extends Record<string, unknown>>(
  config: ListConfig,
  query: ListQuery,
  { db, scope, requestUrl }: Options,
): Promise<Page<Row> | Row[]> {
  const filtering = await filterConditions(config.filters, query, db);
  const where = and(scope, searchCondition(query.search, config.searchFields, config.searchText), ...filtering.conditions);
  const pageRequest = parsePageRequest(query.page, query.page_size);
  const order = orderBy(config, query.ordering);
  const selection = { ...listedColumns(config), ...config.columns };

  if (!pageRequest) {
    const rows = await db.select(selection).from(config.table).where(where).orderBy(...order);
    if (!rows.length) await filtering.verify();
    const results = rows as Row[];
    return config.bareArrayUnlessPaged ? results : { count: results.length, next: null, previous: null, results };
  }
  let number = pageRequest.number;
  if (number === "last") number = Math.max(1, Math.ceil((await countRows(db, config, where)) / pageRequest.size));
  const keys = db.$with(PAGE_KEYS).as(
    db
      .select({ key: sql`${config.primaryKey}`.as("key"), total: sql`count(*) over ()`.as("total") })
      .from(config.table)
      .where(where)
      .orderBy(...order)
      .limit(pageRequest.size)
      .offset((number - 1) * pageRequest.size),
  );
  // The page's rows by key (not a join: drizzle maps joined rows through slower checks), the total once.
  const rows = await db
    .with(keys)
    .select({ ...selection, __total: sql<number>`(select "total" from ${sql.identifier(PAGE_KEYS)} limit 1)`.mapWith(Number) })
    .from(config.table)
    .where(inArray(config.primaryKey, db.select({ key: keys.key }).from(keys)))
    .orderBy(...order);
  if (!rows.length) await filtering.verify();
  const count = rows.length ? rows[0]!.__total : await countRows(db, config, where);
  if (!rows.length && number > 1) throw new InvalidPageError();
  return {
    count,
    next: number * pageRequest.size < count ? pageUrl(requestUrl, number + 1) : null,
    previous: number > 1 ? pageUrl(requestUrl, number - 1) : null,
    results: strip<Row>(rows),
  };
}

async function countRows(db: DbExecutor, config: ListConfig, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)`.mapWith(Number) }).from(config.table).where(where);
  return row?.count ?? 0;
}

function strip<Row>(rows: Array<Record<string, unknown>>): Row[] {
  return rows.map(({ __total: _total, ...row }) => row as Row);
}

/** Maps the rows of a page (or a bare array) to DTOs, keeping the envelope. */
export async function mapPage<Row, Dto>(
  page: Page<Row> | Row[],
  toDtos: (rows: Row[]) => Promise<Dto[]> | Dto[],
): Promise<Page<Dto> | Dto[]> {
  if (Array.isArray(page)) return toDtos(page);
  return { ...page, results: await toDtos(page.results) };
}
