"use client";
import { useMutation } from "@tanstack/react-query";
import { subPoolCreateSchema, type PoolDto } from "~/server/services/pools/schemas";
import { useTRPC } from "../../_trpc/client";
import { Field } from "../_components/form/field";
import { FormDialog } from "../_components/form/form-dialog";
import { useZodForm } from "../_components/form/use-zod-form";

/** A new pool directly under `parent`, in the parent's group. */
export function SubPoolFormDialog({ parent, groupName, onClose, onSaved }: { parent: PoolDto; groupName: string; onClose: () => void; onSaved: (saved: PoolDto) => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.pools.createSubPool.mutationOptions());
  const form = useZodForm(subPoolCreateSchema, { id: parent.id, name: "", description: "" });

  return (
    <FormDialog
      title={`Add a sub-pool to ${parent.name}`}
      form={form}
      send={(input) => create.mutateAsync(input)}
      submitLabel="Add sub-pool"
      onSaved={onSaved}
      onClose={onClose}
      intro={
        <p className="text-zinc-600 dark:text-zinc-300">
          It goes in the group <span className="font-medium">{groupName}</span>, like its parent: the same people see it.
        </p>
      }
    >
      <Field label="Name" errors={form.errors.name}>{(p) => <input {...p} {...form.bind("name")} className="input" placeholder="Rack 12" />}</Field>
      <Field label="Description" errors={form.errors.description}>{(p) => <textarea {...p} {...form.bind("description")} rows={2} className="input" />}</Field>
    </FormDialog>
  );
}
