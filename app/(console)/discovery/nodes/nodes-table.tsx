"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { NODE_STATUSES, type NodeDto } from "~/server/services/nodes/schemas";
import { useTRPC } from "../../../_trpc/client";
import { DataTable } from "../../_components/data-table/data-table";
import { FilterSelect } from "../../_components/data-table/filter-controls";
import { RowActions } from "../../_components/data-table/row-actions";
import { useListParams } from "../../_components/data-table/use-list-params";
import { ConfirmDialog } from "../../_components/form/dialog";
import { statusLabel } from "../../_components/status-badge";
import { nodeColumns } from "./node-columns";
import { RegisterDialog } from "./register-dialog";
import { RegistrationProgress } from "./registration-progress";

const FILTERS = ["status", "scan_range", "vendor"] as const;
const STATUS_OPTIONS = NODE_STATUSES.map((status) => ({ value: status, label: statusLabel(status) }));
const VENDOR_OPTIONS = ["Dell", "HPE", "Lenovo", "Supermicro"].map((vendor) => ({ value: vendor, label: vendor }));
const POLL_WHILE_SCANNING_MS = 2000;

export function NodesTable({ isStaff }: { isStaff: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { query, update } = useListParams(FILTERS);
  const ranges = useQuery(trpc.scanRanges.list.queryOptions({ page_size: "1000" }, { refetchInterval: POLL_WHILE_SCANNING_MS }));
  const rangeList = ranges.data && "results" in ranges.data ? ranges.data.results : [];
  const scanning = rangeList.filter((range) => range.status === "scanning");
  // Nodes appear as a scan finds them: re-read while one runs.
  const nodes = useQuery({ ...trpc.nodes.list.queryOptions(query), placeholderData: keepPreviousData, refetchInterval: scanning.length ? POLL_WHILE_SCANNING_MS : false });
  const [accepting, setAccepting] = useState<NodeDto | null>(null);
  const [deleting, setDeleting] = useState<NodeDto | null>(null);
  const [registering, setRegistering] = useState<{ node: NodeDto } | { ids: number[] } | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [batchId, setBatchId] = useState<number | null>(null);
  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: trpc.nodes.list.pathKey() }), [queryClient, trpc]);
  const accept = useMutation(trpc.nodes.acceptCertificate.mutationOptions({ onSuccess: () => (setAccepting(null), refresh()) }));
  const remove = useMutation(trpc.nodes.delete.mutationOptions({ onSuccess: () => (setDeleting(null), refresh()) }));
  const rangeName = (id: number) => rangeList.find((range) => range.id === id)?.name;

  return (
    <>
      {batchId !== null && <RegistrationProgress batchId={batchId} onChange={refresh} onDismiss={() => setBatchId(null)} />}
      {scanning.length > 0 && (
        <p role="status" className="mb-3 text-sky-800 dark:text-sky-300">
          Scanning {scanning.map((range) => range.name).join(", ")}: nodes appear here as they are found.
        </p>
      )}
      <DataTable
        label="nodes"
        singularLabel="node"
        columns={nodeColumns(rangeName)}
        data={nodes.data}
        isLoading={nodes.isLoading}
        error={nodes.error ? "Could not load the nodes." : null}
        searchPlaceholder="Search vendor, product, status, URL…"
        emptyState={
          query.status || query.scan_range || query.vendor
            ? "No node matches these filters."
            : isStaff
              ? "No nodes yet — scan a range on the Scan ranges tab to find the BMCs in it."
              : "No nodes you can see yet — nodes show once their servers are in your groups' pools."
        }
        filters={
          <>
            <FilterSelect label="Status" anyLabel="Any status" value={query.status} options={STATUS_OPTIONS} onChange={(status) => update({ status })} />
            <FilterSelect label="Vendor" anyLabel="Any vendor" value={query.vendor} options={VENDOR_OPTIONS} onChange={(vendor) => update({ vendor })} />
            <FilterSelect
              label="Scan range"
              anyLabel="Any scan range"
              value={query.scan_range}
              options={rangeList.map((range) => ({ value: String(range.id), label: range.name }))}
              onChange={(scan_range) => update({ scan_range })}
            />
          </>
        }
        selection={isStaff ? { selected, onChange: setSelected, rowName: (n) => n.url } : undefined}
        toolbar={
          isStaff &&
          selected.size > 0 && (
            <button type="button" className="btn-primary" onClick={() => setRegistering({ ids: [...selected] })}>
              Register {selected.size} selected
            </button>
          )
        }
        rowActions={
          isStaff
            ? (n) => (
                <RowActions name={n.url} onDelete={() => setDeleting(n)}>
                  {n.status !== "registered" && (
                    <button type="button" className="btn" aria-label={`Register ${n.url}`} onClick={() => setRegistering({ node: n })}>
                      Register
                    </button>
                  )}
                  {n.status === "error" && (
                    <button type="button" className="btn" aria-label={`Accept the certificate of ${n.url}`} onClick={() => setAccepting(n)}>
                      Accept certificate
                    </button>
                  )}
                </RowActions>
              )
            : undefined
        }
      />
      {registering && (
        <RegisterDialog
          target={registering}
          onClose={() => setRegistering(null)}
          onRegistered={refresh}
          onBulkStarted={(id) => (setSelected(new Set()), setBatchId(id))}
        />
      )}
      <ConfirmDialog
        open={accepting !== null}
        title={`Trust the certificate ${accepting?.url ?? ""} presents now?`}
        consequence="Rackpilot reads the certificate from the BMC now, without credentials, and sends credentials only to a BMC presenting it from then on. Accept only a change you expect (a new BMC board, a renewed certificate)."
        confirmLabel="Accept certificate"
        action={accept}
        onConfirm={() => accepting && accept.mutate({ id: accepting.id })}
        onClose={() => setAccepting(null)}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete node ${deleting?.url ?? ""}?`}
        consequence="Rackpilot forgets this BMC until a scan finds it again. A node that still manages servers cannot be deleted."
        confirmLabel="Delete node"
        action={remove}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
