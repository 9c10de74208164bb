"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { FirmwareBaselineDto } from "~/server/services/firmware-baselines/schemas";
import { useTRPC } from "../../_trpc/client";
import { DataTable, toListPage, type Column } from "../_components/data-table/data-table";
import { RowActions } from "../_components/data-table/row-actions";
import { useListParams } from "../_components/data-table/use-list-params";
import { formatDateTime } from "../_components/format";
import { ConfirmDialog } from "../_components/form/dialog";
import { BaselineFormDialog } from "./baseline-form";
import { useUsernames, type SessionUser } from "./use-usernames";

export function BaselinesTable({ me }: { me: SessionUser }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { query } = useListParams();
  // `page` and `page_size` are always sent, so this bare-array-unless-paged list answers with the envelope.
  const baselines = useQuery({ ...trpc.firmwareBaselines.list.queryOptions(query), placeholderData: keepPreviousData });
  const username = useUsernames(toListPage(baselines.data)?.results.map((b) => b.created_by) ?? [], me);
  const [editing, setEditing] = useState<FirmwareBaselineDto | "new" | null>(null);
  const [deleting, setDeleting] = useState<FirmwareBaselineDto | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.firmwareBaselines.list.pathKey() });
  const remove = useMutation(trpc.firmwareBaselines.delete.mutationOptions({ onSuccess: () => (setDeleting(null), refresh()) }));
  const mayChange = (b: FirmwareBaselineDto) => me.isStaff || b.created_by === me.userId;

  const columns: Column<FirmwareBaselineDto>[] = [
    { header: "Name", sortKey: "name", cell: (b) => <span className="font-medium">{b.name}</span> },
    { header: "Description", cell: (b) => <span className="line-clamp-2 max-w-md">{b.description || <span className="text-zinc-500">—</span>}</span> },
    { header: "Binaries", cell: (b) => b.firmware_binaries.length, className: "tabular-nums" },
    { header: "Created by", cell: (b) => username(b.created_by) },
    { header: "Created", sortKey: "created_at", cell: (b) => formatDateTime(b.created_at), className: "whitespace-nowrap" },
    { header: "Updated", sortKey: "updated_at", cell: (b) => formatDateTime(b.updated_at), className: "whitespace-nowrap" },
    {
      header: "Compliance",
      cell: (b) => (
        <Link href={`/baselines/${b.id}/compliance`} aria-label={`Compliance of ${b.name}`} className="font-medium whitespace-nowrap text-sky-700 hover:underline dark:text-sky-300">
          Check servers
        </Link>
      ),
    },
  ];

  return (
    <>
      <DataTable
        label="baselines"
        singularLabel="baseline"
        columns={columns}
        data={baselines.data}
        isLoading={baselines.isLoading}
        error={baselines.error ? "Could not load the baselines." : null}
        searchPlaceholder="Search name, description…"
        emptyState="No baselines yet — group the firmware versions a server model should run."
        toolbar={
          <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
            New baseline
          </button>
        }
        rowActions={(b) => mayChange(b) && <RowActions name={b.name} onEdit={() => setEditing(b)} onDelete={() => setDeleting(b)} />}
      />
      {editing && <BaselineFormDialog baseline={editing === "new" ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} />}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete baseline ${deleting?.name ?? ""}?`}
        consequence="The baseline is deleted; the firmware binaries stay in the catalog."
        confirmLabel="Delete baseline"
        action={remove}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
