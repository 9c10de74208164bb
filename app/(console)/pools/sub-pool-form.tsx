"use client";
import { useMutation } from "@tanstack/react-query";
import { subPoolCreateSchema, type PoolDto } from "~/server/services/pools/schemas";
import { useTRPC } from "../../_trpc/client";
import { Dialog } from "../_components/form/dialog";
import { Field, FormErrors } from "../_components/form/field";
import { useZodForm } from "../_components/form/use-zod-form";

/** A new pool directly under `parent`, in the parent's group. */
export function SubPoolFormDialog({ parent, groupName, onClose, onSaved }: { parent: PoolDto; groupName: string; onClose: () => void; onSaved: (saved: PoolDto) => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.pools.createSubPool.mutationOptions());
  const form = useZodForm(subPoolCreateSchema, { id: parent.id, name: "", description: "" });
  const text = (name: string) => ({ value: String(form.values[name] ?? ""), onChange: (e: { target: { value: string } }) => form.set(name, e.target.value) });

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    let saved: PoolDto | undefined;
    const ok = await form.submit(async (input) => {
      saved = await create.mutateAsync(input);
    });
    if (ok && saved) (onSaved(saved), onClose());
  }

  return (
    <Dialog open title={`Add a sub-pool to ${parent.name}`} onClose={onClose}>
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <p className="text-zinc-600 dark:text-zinc-300">
          It goes in the group <span className="font-medium">{groupName}</span>, like its parent: the same people see it.
        </p>
        <FormErrors errors={form.errors.non_field_errors} />
        <Field label="Name" errors={form.errors.name}>{(p) => <input {...p} {...text("name")} className="input" placeholder="Rack 12" />}</Field>
        <Field label="Description" errors={form.errors.description}>{(p) => <textarea {...p} {...text("description")} rows={2} className="input" />}</Field>
        <div className="flex justify-end gap-2 pt-2">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn-primary" disabled={form.submitting}>
            Add sub-pool
          </button>
        </div>
      </form>
    </Dialog>
  );
}
