"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FirmwareBinaryDto } from "~/server/services/firmware/schemas";
import { useTRPC } from "../../_trpc/client";
import { DataTable, type Column } from "../_components/data-table/data-table";
import { FilterSelect, FilterText } from "../_components/data-table/filter-controls";
import { RowActions } from "../_components/data-table/row-actions";
import { useListParams } from "../_components/data-table/use-list-params";
import { formatBytes, formatDate, formatDateTime } from "../_components/format";
import { ConfirmDialog } from "../_components/form/dialog";
import { ChecksumCell } from "../_components/checksum-cell";
import { EditFirmwareDialog } from "./edit-dialog";
import { firmwareTypeLabel, firmwareTypeOptions } from "./firmware-types";
import { RegisterFirmwareDialog } from "./register-dialog";

const FILTERS = ["firmware_type", "manufacturer", "model"] as const;

const columns: Column<FirmwareBinaryDto>[] = [
  { header: "Name", sortKey: "name", cell: (f) => <span className="font-medium">{f.name}</span>, className: "whitespace-nowrap" },
  { header: "Type", sortKey: "firmware_type", cell: (f) => firmwareTypeLabel(f.firmware_type) },
  { header: "Version", sortKey: "version", cell: (f) => <span className="font-mono text-xs">{f.version}</span> },
  { header: "Manufacturer", sortKey: "manufacturer", cell: (f) => f.manufacturer },
  { header: "Models", cell: (f) => f.models.join(", ") || <span className="text-zinc-500">any</span> },
  { header: "Size", sortKey: "size", cell: (f) => formatBytes(f.size), className: "whitespace-nowrap tabular-nums" },
  { header: "SHA-256", cell: (f) => <ChecksumCell checksum={f.checksum} name={f.name} /> },
  { header: "Created", sortKey: "created_at", cell: (f) => <time dateTime={f.created_at} title={formatDateTime(f.created_at)}>{formatDate(f.created_at)}</time>, className: "whitespace-nowrap" },
];

export function FirmwareTable({ isStaff }: { isStaff: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { query, update } = useListParams(FILTERS);
  const binaries = useQuery({ ...trpc.firmware.list.queryOptions(query), placeholderData: keepPreviousData });
  const [dialog, setDialog] = useState<FirmwareBinaryDto | "register" | null>(null);
  const [deleting, setDeleting] = useState<FirmwareBinaryDto | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.firmware.list.pathKey() });
  const remove = useMutation(trpc.firmware.delete.mutationOptions({ onSuccess: () => (setDeleting(null), refresh()) }));

  return (
    <>
      <DataTable
        label="binaries"
        singularLabel="binary"
        columns={columns}
        data={binaries.data}
        isLoading={binaries.isLoading}
        error={binaries.error ? "Could not load the firmware catalog." : null}
        searchPlaceholder="Search name, version, manufacturer…"
        emptyState={query.firmware_type || query.manufacturer || query.model ? "No firmware matches these filters." : "No firmware yet — register an image by URL or upload one."}
        filters={
          <>
            <FilterSelect label="Type" anyLabel="Any type" value={query.firmware_type} options={firmwareTypeOptions} onChange={(firmware_type) => update({ firmware_type })} />
            <FilterText label="Manufacturer" className="w-32" value={query.manufacturer} onChange={(manufacturer) => update({ manufacturer })} />
            <FilterText label="Model" className="w-32" value={query.model} onChange={(model) => update({ model })} />
          </>
        }
        toolbar={
          isStaff && (
            <button type="button" className="btn-primary" onClick={() => setDialog("register")}>
              Register firmware
            </button>
          )
        }
        rowActions={isStaff ? (f) => <RowActions name={f.name} onEdit={() => setDialog(f)} onDelete={() => setDeleting(f)} /> : undefined}
      />
      {dialog === "register" && <RegisterFirmwareDialog onClose={() => setDialog(null)} onSaved={refresh} />}
      {dialog && dialog !== "register" && <EditFirmwareDialog binary={dialog} onClose={() => setDialog(null)} onSaved={refresh} />}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? ""} ${deleting?.version ?? ""}?`}
        consequence="The image leaves the catalog and its stored copy is deleted (unless another entry has the same file). BMCs can no longer fetch it from Rackpilot. A binary that a baseline uses cannot be deleted."
        confirmLabel="Delete firmware"
        action={remove}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
