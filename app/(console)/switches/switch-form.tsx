"use client";
import { useMutation } from "@tanstack/react-query";
import type { PoolDto } from "~/server/services/pools/schemas";
import { switchCreateSchema, type SwitchDto } from "~/server/services/switches/schemas";
import { useTRPC } from "../../_trpc/client";
import { Field } from "../_components/form/field";
import { FormDialog } from "../_components/form/form-dialog";
import { useZodForm } from "../_components/form/use-zod-form";

const optionalNumber = (text: string) => (text.trim() === "" ? null : Number(text));

/** Add or edit a switch; an edit sends every field, so a cleared field is cleared. */
export function SwitchFormDialog({ device, pools, onClose, onSaved }: { device: SwitchDto | null; pools: PoolDto[]; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.switches.create.mutationOptions());
  const replace = useMutation(trpc.switches.replace.mutationOptions());
  const form = useZodForm(switchCreateSchema, {
    name: device?.name ?? "",
    manufacturer: device?.manufacturer ?? "",
    model: device?.model ?? "",
    serial_number: device?.serial_number ?? "",
    management_ip: device?.management_ip ?? null,
    port_count: device?.port_count ?? null,
    resource_pool: device?.resource_pool ?? null,
  });
  return (
    <FormDialog
      title={device ? `Edit ${device.name}` : "Add switch"}
      form={form}
      send={(input) => (device ? replace.mutateAsync({ ...input, id: device.id }) : create.mutateAsync(input))}
      submitLabel={device ? "Save" : "Add switch"}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Field label="Name" errors={form.errors.name}>{(p) => <input {...p} {...form.bind("name")} className="input" placeholder="tor-r5-a" />}</Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Manufacturer" errors={form.errors.manufacturer}>{(p) => <input {...p} {...form.bind("manufacturer")} className="input" placeholder="Arista" />}</Field>
        <Field label="Model" errors={form.errors.model}>{(p) => <input {...p} {...form.bind("model")} className="input" />}</Field>
        <Field label="Serial number" errors={form.errors.serial_number}>{(p) => <input {...p} {...form.bind("serial_number")} className="input font-mono" />}</Field>
        <Field label="Ports" errors={form.errors.port_count}>{(p) => <input {...p} {...form.bind("port_count", optionalNumber)} className="input" inputMode="numeric" />}</Field>
      </div>
      <Field label="Management address" errors={form.errors.management_ip} hint="IPv4 or IPv6; leave empty when unknown.">
        {(p) => <input {...p} {...form.bind("management_ip", (text) => text.trim() || null)} className="input font-mono" placeholder="192.0.2.10" />}
      </Field>
      <Field label="Pool" errors={form.errors.resource_pool}>
        {(p) => (
          <select {...p} className="input" {...form.bind("resource_pool", (value) => (value ? Number(value) : null))}>
            <option value="">No pool</option>
            {pools.map((pool) => (
              <option key={pool.id} value={pool.id}>
                {pool.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </FormDialog>
  );
}
