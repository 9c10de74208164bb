"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { MAX_PORTS, scanRangeCreateSchema, type ScanRangeDto } from "~/server/services/scan-ranges/schemas";
import { useTRPC } from "../../_trpc/client";
import { Field } from "../_components/form/field";
import { FormDialog } from "../_components/form/form-dialog";
import { useZodForm } from "../_components/form/use-zod-form";
import { parsePorts } from "./scan-range-values";

export function ScanRangeFormDialog({ range, onClose, onSaved }: { range: ScanRangeDto | null; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.scanRanges.create.mutationOptions());
  const update = useMutation(trpc.scanRanges.update.mutationOptions());
  const initialPorts = range?.ports ?? [443];
  const [portsText, setPortsText] = useState(initialPorts.join(", "));
  const form = useZodForm(scanRangeCreateSchema, { name: range?.name ?? "", ip_from: range?.ip_from ?? "", ip_to: range?.ip_to ?? "", ports: initialPorts });

  return (
    <FormDialog
      title={range ? `Edit ${range.name}` : "Add scan range"}
      form={form}
      send={(input) => (range ? update.mutateAsync({ ...input, id: range.id }) : create.mutateAsync(input))}
      submitLabel={range ? "Save" : "Add scan range"}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Field label="Name" errors={form.errors.name}>{(p) => <input {...p} {...form.bind("name")} className="input" placeholder="DC1 BMC network" />}</Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="First address" errors={form.errors.ip_from}>{(p) => <input {...p} {...form.bind("ip_from")} className="input font-mono" inputMode="decimal" placeholder="192.0.2.1" />}</Field>
        <Field label="Last address" errors={form.errors.ip_to} hint="Included; at most 65,536 addresses.">
          {(p) => <input {...p} {...form.bind("ip_to")} className="input font-mono" inputMode="decimal" placeholder="192.0.2.254" />}
        </Field>
      </div>
      <Field label="Ports" errors={form.errors.ports} hint={`TCP ports probed for Redfish on each address, comma-separated (at most ${MAX_PORTS}).`}>
        {(p) => (
          <input
            {...p}
            value={portsText}
            onChange={(e) => (setPortsText(e.target.value), form.set("ports", parsePorts(e.target.value)))}
            className="input font-mono"
            placeholder="443, 8443"
          />
        )}
      </Field>
    </FormDialog>
  );
}
