"use client";
import type { ReactNode } from "react";
import { Pagination } from "./pagination";
import { SelectAll, SelectRow, type Selection } from "./selection";

export type { Selection };
import { SortHeader } from "./sort-header";
import { DEFAULT_PAGE_SIZE, useListParams } from "./use-list-params";

export type Column<Row> = {
  header: string;
  /** The list API's ordering name; the header sorts when given. */
  sortKey?: string;
  cell: (row: Row) => ReactNode;
  className?: string;
};

export type ListPage<Row> = { count: number; results: Row[] };

/** Lists come as the DRF envelope, or for MOJO's bare-array lists as an array: one shape for the UI. */
export function toListPage<Row>(data: ListPage<Row> | Row[] | undefined): ListPage<Row> | undefined {
  if (!data) return undefined;
  return Array.isArray(data) ? { count: data.length, results: data } : data;
}

type Props<Row extends { id: number }> = {
  /** Plural noun for the rows ("scan ranges"): names the table and its search box, and counts them. */
  label: string;
  /** The noun for exactly one row ("scan range"). */
  singularLabel: string;
  columns: Column<Row>[];
  data: ListPage<Row> | Row[] | undefined;
  isLoading: boolean;
  error?: string | null;
  /** What to do when there is nothing yet ("No scan ranges yet — add the range where your BMCs live"). */
  emptyState: ReactNode;
  searchPlaceholder?: string;
  filters?: ReactNode;
  toolbar?: ReactNode;
  rowActions?: (row: Row) => ReactNode;
  /** False when the rows are the whole list (e.g. a tree of every pool): no pager. */
  paginated?: boolean;
  /** Rows can be ticked (a checkbox column) for an action on several at once. */
  selection?: Selection<Row>;
};

/** Every console table: server-side search, sorting and paging bound to the URL, with the count in view. */
export function DataTable<Row extends { id: number }>(props: Props<Row>) {
  const { query, update } = useListParams();
  const page = Number(query.page) || 1;
  const pageSize = Number(query.page_size) || DEFAULT_PAGE_SIZE;
  const data = toListPage(props.data);
  const rows = data?.results ?? [];
  const searching = Boolean(query.search);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          aria-label={`Search ${props.label}`}
          placeholder={props.searchPlaceholder ?? "Search…"}
          defaultValue={query.search ?? ""}
          onChange={(event) => update({ search: event.target.value })}
          className="input max-w-xs"
        />
        {props.filters}
        <span className="ml-auto text-zinc-500" data-testid="row-count">
          {data ? `${data.count} ${data.count === 1 ? props.singularLabel : props.label}` : "\u00a0"}
        </span>
        {props.toolbar}
      </div>
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full border-collapse" aria-label={props.label} aria-busy={props.isLoading}>
          <thead className="border-b border-zinc-200 bg-zinc-50 text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              {props.selection && <SelectAll rows={rows} selection={props.selection} label={props.singularLabel} />}
              {props.columns.map((column) =>
                column.sortKey ? (
                  <SortHeader key={column.header} label={column.header} sortKey={column.sortKey} ordering={query.ordering} onOrder={(ordering) => update({ ordering })} />
                ) : (
                  <th key={column.header} scope="col" className="px-3 py-2 text-left font-medium">
                    {column.header}
                  </th>
                ),
              )}
              {props.rowActions && <th className="px-3 py-2" aria-label="Actions" />}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-zinc-100 last:border-0 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-800/50">
                {props.selection && <SelectRow row={row} selection={props.selection} />}
                {props.columns.map((column) => (
                  <td key={column.header} className={`px-3 py-2 align-top ${column.className ?? ""}`}>
                    {column.cell(row)}
                  </td>
                ))}
                {props.rowActions && <td className="px-3 py-2 text-right whitespace-nowrap">{props.rowActions(row)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
        {/* Fixed-height placeholders keep the layout still while data loads. */}
        {props.isLoading && !data && <div className="h-24 animate-pulse bg-zinc-100/60 dark:bg-zinc-800/40" />}
        {props.error && <p role="alert" className="p-4 text-red-700 dark:text-red-400">{props.error}</p>}
        {data && rows.length === 0 && (
          <div className="p-6 text-center text-zinc-500">{searching ? "Nothing matches this search." : props.emptyState}</div>
        )}
        {data && data.count > 0 && props.paginated !== false && (
          <Pagination count={data.count} page={page} pageSize={pageSize} onPage={(next) => update({ page: String(next) }, { resetPage: false })} />
        )}
      </div>
    </div>
  );
}
