import { and, asc, Column, desc, getTableColumns, is, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { PgTimestamp } from "drizzle-orm/pg-core";
import { dialect, type DbExecutor } from "~/db/client";
import { filterConditions } from "./filters";
import { InvalidPageError, pageLinks, parsePageRequest } from "./pagination";
import { PreparedShapes } from "./prepared-shapes";
import { searchCondition } from "./search";
import { readTimestamp } from "./timestamps";
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

type Decoder = { mapFromDriverValue(value: unknown): unknown };
type RowReader = { columns: SQL; decoders: Array<[string, Decoder]> };

/** A column's decoder: drizzle's, but for a timestamptz, which a list reads its own (cheaper) way. */
function decoderOf(column: Column): Decoder {
  if (!is(column, PgTimestamp) || !column.withTimezone) return column;
  return { mapFromDriverValue: (value) => readTimestamp(value, (text) => column.mapFromDriverValue(text as string)) };
}

const readers = new WeakMap<ListConfig["table"], Map<ListConfig["columns"], RowReader>>();

/**
 * What a list reads per row: the table's columns (but its stored search text, which is for matching
 * only) and the computed ones, each aliased by its property, with the decoder drizzle would apply.
 * The select list is rendered once per table and computed columns: rendering it per request cost
 * more CPU than the database spends on a page.
 */
function rowReader(config: ListConfig): RowReader {
  const byColumns = readers.get(config.table) ?? new Map<ListConfig["columns"], RowReader>();
  readers.set(config.table, byColumns);
  const known = byColumns.get(config.columns);
  if (known) return known;
  const fields = Object.entries({ ...getTableColumns(config.table), ...config.columns }).filter(([, field]) => field !== config.searchText?.column);
  const list = sql.join(fields.map(([key, field]) => sql`${field} as ${sql.identifier(key)}`), sql`, `);
  const rendered = dialect.sqlToQuery(list);
  const reader: RowReader = {
    // A computed column with a bound value cannot be rendered ahead (none is, today).
    columns: rendered.params.length ? list : sql.raw(rendered.sql),
    // An SQL expression's decoder is what `.mapWith()` set (drizzle keeps it on the untyped `decoder`);
    // a column that keeps the driver's value as it is (text, boolean...) needs none.
    decoders: fields
      .map(([key, field]): [string, Decoder] => [key, is(field, Column) ? decoderOf(field) : (field as unknown as { decoder: Decoder }).decoder])
      .filter(([, decoder]) => decoder.mapFromDriverValue !== Column.prototype.mapFromDriverValue),
  };
  byColumns.set(config.columns, reader);
  return reader;
}

const renderedOrders = new WeakMap<ListConfig["ordering"], Map<string, SQL>>();
const MAX_RENDERED_ORDERS = 64;

/**
 * A list's ORDER BY as SQL text, rendered once per choice of ordering names (at most
 * MAX_RENDERED_ORDERS per list, then rendered afresh), kept with the list's ordering map: a config
 * that built its map per request would only miss the cache.
 */
function renderedOrder(config: ListConfig, ordering: string | undefined): SQL {
  let byNames = renderedOrders.get(config.ordering);
  if (!byNames) renderedOrders.set(config.ordering, (byNames = new Map()));
  const names = orderingNames(config, ordering).join(",");
  const known = byNames.get(names);
  if (known) return known;
  const order = sql.join(orderBy(config, names), sql`, `);
  const rendered = dialect.sqlToQuery(order);
  // An ordering expression with a bound value cannot be rendered ahead (none has one, today).
  const text = rendered.params.length ? order : sql.raw(rendered.sql);
  if (byNames.size >= MAX_RENDERED_ORDERS) byNames.clear();
  byNames.set(names, text);
  return text;
}

// A few dozen list shapes per process: each is a statement on every connection of the pool.
const listShapes = new PreparedShapes(32);

/**
 * Runs a list's statement (prepared when its shape is admitted) and decodes its rows as drizzle's
 * select would, with the same decoders, without drizzle's generic row mapping.
 */
async function readRows(db: DbExecutor, statement: SQLWrapper, decoders: Array<[string, Decoder]>): Promise<Array<Record<string, unknown>>> {
  const query = dialect.sqlToQuery(statement.getSQL());
  // postgres.js names and caches the statement itself: drizzle's name only says "prepare it".
  const name = listShapes.admits(query.sql) ? "list" : undefined;
  const rows = (await db._.session.prepareQuery(query, undefined, name, false).execute()) as Array<Record<string, unknown>>;
  return rows.map((row) => {
    for (const [key, decoder] of decoders) if (row[key] !== null) row[key] = decoder.mapFromDriverValue(row[key]);
    return row;
  });
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
  const { columns, decoders } = rowReader(config);

  if (!pageRequest) {
    const order = orderBy(config, query.ordering);
    const rows = (await readRows(db, db.select({ columns }).from(config.table).where(where).orderBy(...order), decoders)) as Row[];
    if (!rows.length) await filtering.verify();
    return config.bareArrayUnlessPaged ? rows : { count: rows.length, next: null, previous: null, results: rows };
  }
  let number = pageRequest.number;
  if (number === "last") number = Math.max(1, Math.ceil((await countRows(db, config, where)) / pageRequest.size));
  const orderList = renderedOrder(config, query.ordering);
  // The page's keys (and the total) first, then the page's rows by key with the total once. Written as
  // one template: drizzle's query builders cost more CPU to assemble and render than the database
  // spends choosing the page.
  const statement = sql`with ${sql.identifier(PAGE_KEYS)} as (select ${config.primaryKey} as "key", count(*) over () as "total" from ${config.table}${
    where ? sql` where ${where}` : sql``
  } order by ${orderList} limit ${pageRequest.size} offset ${(number - 1) * pageRequest.size}) select ${columns}, (select "total" from ${sql.identifier(PAGE_KEYS)} limit 1) as "__total" from ${config.table} where ${config.primaryKey} in (select "key" from ${sql.identifier(PAGE_KEYS)}) order by ${orderList}`;
  const rows = await readRows(db, statement, decoders);
  if (!rows.length) await filtering.verify();
  const count = rows.length ? Number(rows[0]!.__total) : await countRows(db, config, where);
  if (!rows.length && number > 1) throw new InvalidPageError();
  return {
    count,
    ...pageLinks(requestUrl, number, pageRequest.size, count),
    results: strip<Row>(rows),
  };
}

async function countRows(db: DbExecutor, config: ListConfig, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)`.mapWith(Number) }).from(config.table).where(where);
  return row?.count ?? 0;
}

// In place: the total is each row's last property, which V8 deletes without slowing the object down.
function strip<Row>(rows: Array<Record<string, unknown>>): Row[] {
  for (const row of rows) delete row.__total;
  return rows as Row[];
}

/** Maps the rows of a page (or a bare array) to DTOs, keeping the envelope. */
export async function mapPage<Row, Dto>(
  page: Page<Row> | Row[],
  toDtos: (rows: Row[]) => Promise<Dto[]> | Dto[],
): Promise<Page<Dto> | Dto[]> {
  if (Array.isArray(page)) return toDtos(page);
  return { ...page, results: await toDtos(page.results) };
}
