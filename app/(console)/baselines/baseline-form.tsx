"use client";
import { useMutation } from "@tanstack/react-query";
import { baselineCreateSchema, type FirmwareBaselineDto } from "~/server/services/firmware-baselines/schemas";
import { useTRPC } from "../../_trpc/client";
import { Dialog } from "../_components/form/dialog";
import { Field, FormErrors } from "../_components/form/field";
import { useZodForm } from "../_components/form/use-zod-form";
import { BinaryPicker } from "./binary-picker";

export function BaselineFormDialog({ baseline, onClose, onSaved }: { baseline: FirmwareBaselineDto | null; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.firmwareBaselines.create.mutationOptions());
  const update = useMutation(trpc.firmwareBaselines.update.mutationOptions());
  const form = useZodForm(baselineCreateSchema, {
    name: baseline?.name ?? "",
    description: baseline?.description ?? "",
    firmware_binaries: baseline?.firmware_binaries ?? [],
  });
  const text = (name: string) => ({ value: String(form.values[name] ?? ""), onChange: (e: { target: { value: string } }) => form.set(name, e.target.value) });

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const saved = await form.submit((input) => (baseline ? update.mutateAsync({ ...input, id: baseline.id }) : create.mutateAsync(input)));
    if (saved) (onSaved(), onClose());
  }

  return (
    <Dialog open title={baseline ? `Edit ${baseline.name}` : "New baseline"} onClose={onClose}>
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <FormErrors errors={form.errors.non_field_errors} />
        <Field label="Name" errors={form.errors.name}>{(p) => <input {...p} {...text("name")} className="input" placeholder="R750 fleet 2025-Q3" />}</Field>
        <Field label="Description" errors={form.errors.description}>{(p) => <textarea {...p} {...text("description")} rows={2} className="input" />}</Field>
        <BinaryPicker selected={form.values.firmware_binaries as number[]} onChange={(ids) => form.set("firmware_binaries", ids)} errors={form.errors.firmware_binaries} />
        <div className="flex justify-end gap-2 pt-2">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn-primary" disabled={form.submitting}>
            {baseline ? "Save" : "Create baseline"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
