"use client";
import { useMutation } from "@tanstack/react-query";
import { baselineCreateSchema, type FirmwareBaselineDto } from "~/server/services/firmware-baselines/schemas";
import { useTRPC } from "../../_trpc/client";
import { Field } from "../_components/form/field";
import { FormDialog } from "../_components/form/form-dialog";
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

  return (
    <FormDialog
      title={baseline ? `Edit ${baseline.name}` : "New baseline"}
      form={form}
      send={(input) => (baseline ? update.mutateAsync({ ...input, id: baseline.id }) : create.mutateAsync(input))}
      submitLabel={baseline ? "Save" : "Create baseline"}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Field label="Name" errors={form.errors.name}>{(p) => <input {...p} {...form.bind("name")} className="input" placeholder="R750 fleet 2025-Q3" />}</Field>
      <Field label="Description" errors={form.errors.description}>{(p) => <textarea {...p} {...form.bind("description")} rows={2} className="input" />}</Field>
      <BinaryPicker selected={form.values.firmware_binaries as number[]} onChange={(ids) => form.set("firmware_binaries", ids)} errors={form.errors.firmware_binaries} />
    </FormDialog>
  );
}
