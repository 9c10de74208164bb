"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { groupWriteSchema, type GroupDto } from "~/server/services/groups/schemas";
import { useTRPC } from "../../_trpc/client";
import { DataTable, type Column } from "../_components/data-table/data-table";
import { useListParams } from "../_components/data-table/use-list-params";
import { ConfirmDialog, Dialog } from "../_components/form/dialog";
import { Field, FormErrors } from "../_components/form/field";
import { drfBodyOf, drfToFieldErrors, useZodForm } from "../_components/form/use-zod-form";

export function GroupsTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { query } = useListParams();
  const groups = useQuery({ ...trpc.groups.list.queryOptions(query), placeholderData: keepPreviousData });
  const [editing, setEditing] = useState<GroupDto | "new" | null>(null);
  const [deleting, setDeleting] = useState<GroupDto | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.groups.list.pathKey() });
  const remove = useMutation(trpc.groups.delete.mutationOptions({ onSuccess: () => (setDeleting(null), refresh()) }));
  const columns: Column<GroupDto>[] = [
    { header: "Name", sortKey: "name", cell: (g) => <span className="font-medium">{g.name}</span> },
    { header: "Id", sortKey: "id", cell: (g) => g.id },
  ];
  return (
    <>
      <DataTable
        label="groups"
        singularLabel="group"
        columns={columns}
        data={groups.data}
        isLoading={groups.isLoading}
        emptyState="No groups yet — add one per team that owns pools."
        toolbar={
          <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
            Add group
          </button>
        }
        rowActions={(g) => (
          <div className="flex justify-end gap-1">
            <button type="button" className="btn" onClick={() => setEditing(g)}>
              Rename
            </button>
            <button type="button" className="btn" onClick={() => setDeleting(g)}>
              Delete
            </button>
          </div>
        )}
      />
      {editing && <GroupFormDialog group={editing === "new" ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} />}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete group ${deleting?.name ?? ""}?`}
        consequence="Its members lose access to the group's pools."
        confirmLabel="Delete group"
        pending={remove.isPending}
        error={remove.error ? Object.values(drfToFieldErrors(drfBodyOf(remove.error))).flat().join(" ") : null}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => (setDeleting(null), remove.reset())}
      />
    </>
  );
}

function GroupFormDialog({ group, onClose, onSaved }: { group: GroupDto | null; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.groups.create.mutationOptions());
  const update = useMutation(trpc.groups.update.mutationOptions());
  const form = useZodForm(groupWriteSchema, { name: group?.name ?? "" });
  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const saved = await form.submit((input) => (group ? update.mutateAsync({ ...input, id: group.id }) : create.mutateAsync(input)));
    if (saved) (onSaved(), onClose());
  }
  return (
    <Dialog open title={group ? `Rename ${group.name}` : "Add group"} onClose={onClose}>
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <FormErrors errors={form.errors.non_field_errors} />
        <Field label="Name" errors={form.errors.name}>
          {(p) => <input {...p} value={String(form.values.name)} onChange={(e) => form.set("name", e.target.value)} className="input" />}
        </Field>
        <div className="flex justify-end gap-2">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn-primary" disabled={form.submitting}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
