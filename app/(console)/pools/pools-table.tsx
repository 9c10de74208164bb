"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { PoolDto } from "~/server/services/pools/schemas";
import { useTRPC } from "../../_trpc/client";
import { DataTable, toListPage, type Column } from "../_components/data-table/data-table";
import { FilterSelect } from "../_components/data-table/filter-controls";
import { RowActions } from "../_components/data-table/row-actions";
import { useListParams } from "../_components/data-table/use-list-params";
import { formatDateTime } from "../_components/format";
import { ConfirmDialog } from "../_components/form/dialog";
import { errorText } from "../_components/form/use-zod-form";
import { PoolFormDialog } from "./pool-form";
import { PoolSearchName, PoolTreeName } from "./pool-name-cell";
import { ancestorIds, parentPath, poolContents, poolTreeRows, type PoolTreeRow } from "./pool-tree";
import { SubPoolFormDialog } from "./sub-pool-form";

const FILTERS = ["group"] as const;
const EMPTY = "create one per team, environment or rack row.";

type DialogState = { kind: "create" } | { kind: "edit"; pool: PoolDto } | { kind: "sub-pool"; parent: PoolDto } | null;

const defined = (values: Record<string, string | undefined>) => Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Record<string, string>;

export function PoolsTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { query, update } = useListParams(FILTERS);
  const searching = Boolean(query.search);
  // The tree holds every pool (sorted and filtered, never paged); a search pages through matches at any depth.
  const listInput = searching ? query : defined({ ordering: query.ordering, group: query.group });
  const list = useQuery({ ...trpc.pools.list.queryOptions(listInput), placeholderData: keepPreviousData });
  const everyPool = toListPage(useQuery(trpc.pools.list.queryOptions({})).data)?.results ?? [];
  const groups = toListPage(useQuery(trpc.groups.list.queryOptions({})).data)?.results ?? [];
  const groupName = (id: number) => groups.find((group) => group.id === id)?.name ?? `#${id}`;
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const [dialog, setDialog] = useState<DialogState>(null);
  const [deleting, setDeleting] = useState<PoolDto | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.pools.list.pathKey() });
  const remove = useMutation(trpc.pools.delete.mutationOptions({ onSuccess: () => (setDeleting(null), refresh()) }));

  const page = toListPage(list.data);
  const rows: PoolTreeRow[] | undefined = !page ? undefined : searching ? page.results.map((pool) => ({ ...pool, depth: 0, hasChildren: false })) : poolTreeRows(page.results, expanded);
  const expandable = page?.results.filter((pool) => pool.sub_pools.length > 0).map((pool) => pool.id) ?? [];
  const allExpanded = expandable.every((id) => expanded.has(id));
  const toggle = (id: number) => setExpanded((current) => new Set(current.has(id) ? [...current].filter((other) => other !== id) : [...current, id]));
  // A new pool shows up where it was put: every pool above it opens.
  const onSaved = (saved: PoolDto) => {
    if (saved.parent !== null) setExpanded((current) => new Set([...current, saved.parent!, ...ancestorIds(everyPool, saved.parent!)]));
    void refresh();
  };
  const defaultGroup = query.group ? Number(query.group) : (groups.find((group) => group.id === 1) ?? groups[0])?.id;

  const columns: Column<PoolTreeRow>[] = [
    {
      header: "Name",
      sortKey: "name",
      cell: (row) => (searching ? <PoolSearchName id={row.id} name={row.name} path={parentPath(everyPool, row)} /> : <PoolTreeName row={row} expanded={expanded.has(row.id)} onToggle={() => toggle(row.id)} />),
    },
    { header: "Description", cell: (row) => <span className="line-clamp-2 max-w-md">{row.description || <span className="text-zinc-500">—</span>}</span> },
    { header: "Group", cell: (row) => groupName(row.group) },
    { header: "Servers", cell: (row) => row.servers_count, className: "tabular-nums" },
    { header: "Switches", cell: (row) => row.switches_count, className: "tabular-nums" },
    { header: "Sub-pools", cell: (row) => row.sub_pools.length, className: "tabular-nums" },
    { header: "Updated", sortKey: "updated_at", cell: (row) => formatDateTime(row.updated_at), className: "whitespace-nowrap" },
  ];

  const contents = deleting ? poolContents(deleting) : "";
  return (
    <>
      <DataTable
        label="pools"
        singularLabel="pool"
        columns={columns}
        data={page && rows ? { count: page.count, results: rows } : undefined}
        paginated={searching}
        isLoading={list.isLoading}
        error={errorText(list.error)}
        searchPlaceholder="Search name, description…"
        emptyState={query.group ? `No pools in this group yet — ${EMPTY}` : `No pools yet — ${EMPTY}`}
        filters={<FilterSelect label="Group" anyLabel="Any group" value={query.group} options={groups.map((group) => ({ value: String(group.id), label: group.name }))} onChange={(group) => update({ group })} />}
        toolbar={
          <>
            {!searching && expandable.length > 0 && (
              <button type="button" className="btn" onClick={() => setExpanded(new Set(allExpanded ? [] : expandable))}>
                {allExpanded ? "Collapse all" : "Expand all"}
              </button>
            )}
            <button type="button" className="btn-primary" onClick={() => setDialog({ kind: "create" })}>
              Create pool
            </button>
          </>
        }
        rowActions={(row) => (
          <RowActions name={row.name} onEdit={() => setDialog({ kind: "edit", pool: row })} onDelete={() => setDeleting(row)}>
            <button type="button" className="btn" onClick={() => setDialog({ kind: "sub-pool", parent: row })} aria-label={`Add a sub-pool to ${row.name}`}>
              Add sub-pool
            </button>
          </RowActions>
        )}
      />
      {(dialog?.kind === "create" || dialog?.kind === "edit") && (
        <PoolFormDialog pool={dialog.kind === "edit" ? dialog.pool : null} pools={everyPool} groups={groups} defaultGroup={defaultGroup} onClose={() => setDialog(null)} onSaved={onSaved} />
      )}
      {dialog?.kind === "sub-pool" && <SubPoolFormDialog parent={dialog.parent} groupName={groupName(dialog.parent.group)} onClose={() => setDialog(null)} onSaved={onSaved} />}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete pool ${deleting?.name ?? ""}?`}
        consequence={
          contents
            ? `It still holds ${contents}. Only an empty pool can be deleted: move or delete them first.`
            : "The pool is empty; it is deleted for good."
        }
        confirmLabel="Delete pool"
        action={remove}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
