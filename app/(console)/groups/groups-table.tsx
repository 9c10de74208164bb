"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { groupWriteSchema, type GroupDto } from "~/server/services/groups/schemas";
import { useTRPC } from "../../_trpc/client";
import { DataTable, type Column } from "../_components/data-table/data-table";
import { RowActions } from "../_components/data-table/row-actions";
import { useListParams } from "../_components/data-table/use-list-params";
import { ConfirmDialog } from "../_components/form/dialog";
import { Field } from "../_components/form/field";
import { FormDialog } from "../_components/form/form-dialog";
import { useZodForm } from "../_components/form/use-zod-form";

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
        rowActions={(g) => <RowActions editLabel="Rename" onEdit={() => setEditing(g)} onDelete={() => setDeleting(g)} />}
      />
      {editing && <GroupFormDialog group={editing === "new" ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} />}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete group ${deleting?.name ?? ""}?`}
        consequence="Its members lose access to the group's pools."
        confirmLabel="Delete group"
        action={remove}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

function GroupFormDialog({ group, onClose, onSaved }: { group: GroupDto | null; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.groups.create.mutationOptions());
  const update = useMutation(trpc.groups.update.mutationOptions());
  const form = useZodForm(groupWriteSchema, { name: group?.name ?? "" });
  return (
    <FormDialog
      title={group ? `Rename ${group.name}` : "Add group"}
      form={form}
      send={(input) => (group ? update.mutateAsync({ ...input, id: group.id }) : create.mutateAsync(input))}
      submitLabel="Save"
      onSaved={onSaved}
      onClose={onClose}
    >
      <Field label="Name" errors={form.errors.name}>{(p) => <input {...p} {...form.bind("name")} className="input" />}</Field>
    </FormDialog>
  );
}
