"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { UserDto } from "~/server/services/users/schemas";
import { useTRPC } from "../../_trpc/client";
import { DataTable, toListPage, type Column } from "../_components/data-table/data-table";
import { RowActions } from "../_components/data-table/row-actions";
import { useListParams } from "../_components/data-table/use-list-params";
import { ConfirmDialog } from "../_components/form/dialog";
import { UserFormDialog } from "./user-form";

const FILTERS = ["is_staff", "is_active", "groups"] as const;

export function UsersTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { query, update } = useListParams(FILTERS);
  const users = useQuery({ ...trpc.users.list.queryOptions(query), placeholderData: keepPreviousData });
  const groups = useQuery(trpc.groups.list.queryOptions({}));
  const groupRows = toListPage(groups.data)?.results ?? [];
  const groupName = (id: number) => groupRows.find((g) => g.id === id)?.name ?? `#${id}`;
  const [editing, setEditing] = useState<UserDto | "new" | null>(null);
  const [deleting, setDeleting] = useState<UserDto | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() });
  const remove = useMutation(trpc.users.delete.mutationOptions({ onSuccess: () => (setDeleting(null), refresh()) }));
  const toggleActive = useMutation(trpc.users.update.mutationOptions({ onSuccess: refresh }));

  const columns: Column<UserDto>[] = [
    { header: "Username", sortKey: "username", cell: (u) => <span className="font-medium">{u.username}</span> },
    { header: "Email", sortKey: "email", cell: (u) => u.email || "—" },
    { header: "Role", cell: (u) => (u.is_staff ? "Staff" : "User") },
    { header: "Status", cell: (u) => (u.is_active ? "Active" : <span className="text-zinc-500">Inactive</span>) },
    { header: "Groups", cell: (u) => u.groups.map(groupName).join(", ") || "—" },
    { header: "Last login", sortKey: "last_login", cell: (u) => (u.last_login ? new Date(u.last_login).toLocaleString() : "never") },
  ];

  return (
    <>
      <DataTable
        label="users"
        singularLabel="user"
        columns={columns}
        data={users.data}
        isLoading={users.isLoading}
        error={users.error ? "Could not load users." : null}
        searchPlaceholder="Search username, email, name…"
        emptyState="No users yet — add the people who run your racks."
        filters={
          <select aria-label="Status" className="input w-auto" value={query.is_active ?? ""} onChange={(e) => update({ is_active: e.target.value })}>
            <option value="">Any status</option>
            <option value="true">Active</option>
            <option value="false">Inactive</option>
          </select>
        }
        toolbar={
          <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
            Add user
          </button>
        }
        rowActions={(u) => (
          <RowActions onDelete={() => setDeleting(u)}>
            <button type="button" className="btn" onClick={() => setEditing(u)}>
              Edit
            </button>
            <button type="button" className="btn" onClick={() => toggleActive.mutate({ id: u.id, is_active: !u.is_active })}>
              {u.is_active ? "Deactivate" : "Activate"}
            </button>
          </RowActions>
        )}
      />
      {editing && <UserFormDialog user={editing === "new" ? null : editing} groups={groupRows} onClose={() => setEditing(null)} onSaved={refresh} />}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.username ?? ""}?`}
        consequence="The account is removed and its tokens stop working at once. To keep the history, deactivate it instead."
        confirmLabel="Delete user"
        action={remove}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
