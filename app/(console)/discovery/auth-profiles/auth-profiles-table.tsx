"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import type { AuthProfileDto } from "~/server/services/auth-profiles/schemas";
import { useTRPC } from "../../../_trpc/client";
import { DataTable, type Column } from "../../_components/data-table/data-table";
import { RowActions } from "../../_components/data-table/row-actions";
import { useListParams } from "../../_components/data-table/use-list-params";
import { formatDateTime } from "../../_components/format";
import { ConfirmDialog } from "../../_components/form/dialog";
import { AuthProfileFormDialog } from "./auth-profile-form";
import { bmcLabel } from "./bmc-protocols";
import { CredentialsPanel } from "./credentials-panel";

const columns: Column<AuthProfileDto>[] = [
  { header: "Node classification", sortKey: "node_classification", cell: (p) => <span className="font-medium">{p.node_classification}</span> },
  { header: "BMC protocol", sortKey: "bmc", cell: (p) => bmcLabel(p.bmc) },
  { header: "Credentials", cell: (p) => p.credentials_count, className: "tabular-nums" },
  { header: "Updated", sortKey: "updated_at", cell: (p) => formatDateTime(p.updated_at), className: "whitespace-nowrap" },
];

export function AuthProfilesTable({ isStaff }: { isStaff: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { query, update } = useListParams();
  const profiles = useQuery({ ...trpc.authProfiles.list.queryOptions(query), placeholderData: keepPreviousData });
  // The open credentials panel is part of the URL, like the table's view.
  const openId = Number(useSearchParams().get("profile")) || null;
  const open = useQuery({ ...trpc.authProfiles.get.queryOptions({ id: openId ?? 0 }), enabled: openId !== null }).data ?? null;
  const showCredentials = (id: number | null) => update({ profile: id === null ? undefined : String(id) }, { resetPage: false });
  const [editing, setEditing] = useState<AuthProfileDto | "new" | null>(null);
  const [deleting, setDeleting] = useState<AuthProfileDto | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.authProfiles.pathKey() });
  const remove = useMutation(
    trpc.authProfiles.delete.mutationOptions({
      onSuccess: (_, { id }) => {
        setDeleting(null);
        if (id === openId) showCredentials(null);
        void refresh();
      },
    }),
  );

  return (
    <div className="space-y-5">
      <DataTable
        label="auth profiles"
        singularLabel="auth profile"
        columns={columns}
        data={profiles.data}
        isLoading={profiles.isLoading}
        error={profiles.error ? "Could not load the auth profiles." : null}
        searchPlaceholder="Search node classification…"
        emptyState={isStaff ? "No auth profiles yet — add the BMC credentials registration should try." : "No auth profiles yet — ask a staff user to add the BMC credentials registration should try."}
        toolbar={
          isStaff ? (
            <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
              Add auth profile
            </button>
          ) : (
            <span className="text-zinc-500">Staff manage auth profiles.</span>
          )
        }
        rowActions={(p) => (
          <RowActions name={p.node_classification} onEdit={isStaff ? () => setEditing(p) : undefined} onDelete={isStaff ? () => setDeleting(p) : undefined}>
            {/* Credentials (usernames included) are staff-only: others see how many there are, in the table. */}
            {isStaff && (
              <button type="button" className="btn aria-pressed:bg-zinc-100 dark:aria-pressed:bg-zinc-800" aria-pressed={p.id === openId} onClick={() => showCredentials(p.id === openId ? null : p.id)} aria-label={`Credentials of ${p.node_classification}`}>
                Credentials
              </button>
            )}
          </RowActions>
        )}
      />
      {isStaff && open && open.id === openId && <CredentialsPanel key={open.id} profile={open} isStaff={isStaff} onClose={() => showCredentials(null)} onChanged={refresh} />}
      {editing && <AuthProfileFormDialog profile={editing === "new" ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} />}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete auth profile ${deleting?.node_classification ?? ""}?`}
        consequence={
          deleting?.credentials_count
            ? `Its ${deleting.credentials_count === 1 ? "credential goes" : `${deleting.credentials_count} credentials go`} with it, passwords included; registration stops trying them.`
            : "It has no credentials; registration loses nothing."
        }
        confirmLabel="Delete auth profile"
        action={remove}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </div>
  );
}
