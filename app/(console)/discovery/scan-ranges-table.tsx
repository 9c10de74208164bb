"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { SCAN_RANGE_STATUSES, type ScanRangeDto } from "~/server/services/scan-ranges/schemas";
import { useTRPC } from "../../_trpc/client";
import { DataTable, type Column } from "../_components/data-table/data-table";
import { FilterSelect } from "../_components/data-table/filter-controls";
import { RowActions } from "../_components/data-table/row-actions";
import { useListParams } from "../_components/data-table/use-list-params";
import { formatDateTime } from "../_components/format";
import { ConfirmDialog } from "../_components/form/dialog";
import { errorText } from "../_components/form/use-zod-form";
import { statusLabel } from "../_components/status-badge";
import { ScanRangeFormDialog } from "./scan-range-form";
import { addressCount } from "./scan-range-values";
import { ScanStatus } from "./scan-status";

const FILTERS = ["status"] as const;
const STATUS_OPTIONS = SCAN_RANGE_STATUSES.map((status) => ({ value: status, label: statusLabel(status) }));
const POLL_WHILE_SCANNING_MS = 1000;

const columns: Column<ScanRangeDto>[] = [
  { header: "Name", sortKey: "name", cell: (r) => <span className="font-medium">{r.name}</span> },
  {
    header: "IP range",
    sortKey: "ip_from",
    cell: (r) => (
      <div className="whitespace-nowrap">
        <span className="font-mono text-xs">
          {r.ip_from} – {r.ip_to}
        </span>
        <div className="text-xs text-zinc-500 tabular-nums">{addressCount(r.ip_from, r.ip_to).toLocaleString()} addresses</div>
      </div>
    ),
  },
  { header: "Ports", cell: (r) => <span className="font-mono text-xs">{r.ports.join(", ")}</span> },
  { header: "Status", sortKey: "status", cell: (r) => <ScanStatus range={r} /> },
  { header: "Last scan", sortKey: "last_scan_at", cell: (r) => (r.last_scan_at ? formatDateTime(r.last_scan_at) : <span className="text-zinc-500">never</span>), className: "whitespace-nowrap" },
  {
    header: "Nodes found",
    cell: (r) =>
      r.last_scan_found === null ? (
        <span className="text-zinc-500">—</span>
      ) : (
        <Link href={`/discovery/nodes?scan_range=${r.id}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400" aria-label={`${r.last_scan_found} nodes found in ${r.name}`}>
          {r.last_scan_found}
        </Link>
      ),
    className: "tabular-nums",
  },
];

export function ScanRangesTable({ isStaff }: { isStaff: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { query, update } = useListParams(FILTERS);
  const ranges = useQuery({
    ...trpc.scanRanges.list.queryOptions(query),
    placeholderData: keepPreviousData,
    // Live progress: re-read while any range on the page scans.
    refetchInterval: (current) => (current.state.data && "results" in current.state.data && current.state.data.results.some((r) => r.status === "scanning") ? POLL_WHILE_SCANNING_MS : false),
  });
  const [editing, setEditing] = useState<ScanRangeDto | "new" | null>(null);
  const [deleting, setDeleting] = useState<ScanRangeDto | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.scanRanges.list.pathKey() });
  const remove = useMutation(trpc.scanRanges.delete.mutationOptions({ onSuccess: () => (setDeleting(null), refresh()) }));
  const scan = useMutation(trpc.scans.run.mutationOptions({ onSuccess: () => (setSelected(new Set()), refresh()) }));
  const startScan = (ids: number[]) => scan.mutate({ scan_ranges: ids });
  const scanError = errorText(scan.error);

  return (
    <>
      {scanError && (
        <p role="alert" className="mb-3 text-red-700 dark:text-red-400">
          {scanError}
        </p>
      )}
      <DataTable
        label="scan ranges"
        singularLabel="scan range"
        columns={columns}
        data={ranges.data}
        isLoading={ranges.isLoading}
        error={ranges.error ? "Could not load the scan ranges." : null}
        searchPlaceholder="Search name, address, status…"
        emptyState={
          query.status
            ? "No scan range has this status."
            : isStaff
              ? "No scan ranges yet — add the range where your BMCs live."
              : "No scan ranges yet — ask a staff user to add the range where your BMCs live."
        }
        filters={<FilterSelect label="Status" anyLabel="Any status" value={query.status} options={STATUS_OPTIONS} onChange={(status) => update({ status })} />}
        selection={isStaff ? { selected, onChange: setSelected, rowName: (r) => r.name } : undefined}
        toolbar={
          isStaff ? (
            <>
              {selected.size > 0 && (
                <button type="button" className="btn" disabled={scan.isPending} onClick={() => startScan([...selected])}>
                  Scan {selected.size} selected
                </button>
              )}
              <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
                Add scan range
              </button>
            </>
          ) : (
            <span className="text-zinc-500">Staff manage and scan ranges.</span>
          )
        }
        rowActions={
          isStaff
            ? (r) => (
                <RowActions name={r.name} onEdit={() => setEditing(r)} onDelete={() => setDeleting(r)}>
                  {r.status !== "scanning" && (
                    <button type="button" className="btn" disabled={scan.isPending} aria-label={`Scan ${r.name}`} onClick={() => startScan([r.id])}>
                      Scan
                    </button>
                  )}
                </RowActions>
              )
            : undefined
        }
      />
      {editing && <ScanRangeFormDialog range={editing === "new" ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} />}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete scan range ${deleting?.name ?? ""}?`}
        consequence={deleting && `Discovery stops looking at ${deleting.ip_from} – ${deleting.ip_to}. Servers already registered from it stay as they are.`}
        confirmLabel="Delete scan range"
        action={remove}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
