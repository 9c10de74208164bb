"use client";
import { useMutation } from "@tanstack/react-query";
import { firmwareReplaceSchema, type FirmwareBinaryDto } from "~/server/services/firmware/schemas";
import { useTRPC } from "../../_trpc/client";
import { formatBytes } from "../_components/format";
import { Dialog } from "../_components/form/dialog";
import { FormErrors } from "../_components/form/field";
import { useZodForm } from "../_components/form/use-zod-form";
import { FirmwareMetadataFields } from "./firmware-fields";

/** Only the description changes: a different file is a different catalog entry. */
export function EditFirmwareDialog({ binary, onClose, onSaved }: { binary: FirmwareBinaryDto; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const update = useMutation(trpc.firmware.update.mutationOptions());
  const form = useZodForm(firmwareReplaceSchema, {
    name: binary.name,
    firmware_type: binary.firmware_type,
    version: binary.version,
    manufacturer: binary.manufacturer,
    models: binary.models,
    release_notes: binary.release_notes,
  });

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const saved = await form.submit((input) => update.mutateAsync({ ...input, id: binary.id }));
    if (saved) (onSaved(), onClose());
  }

  return (
    <Dialog open wide title={`Edit ${binary.name}`} onClose={onClose}>
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <FormErrors errors={form.errors.non_field_errors} />
        <FirmwareMetadataFields form={form} />
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md bg-zinc-50 p-2 text-xs dark:bg-zinc-800/60">
          <dt className="text-zinc-500">Location</dt>
          <dd className="break-all">{binary.location}</dd>
          <dt className="text-zinc-500">SHA-256</dt>
          <dd className="font-mono break-all">{binary.checksum}</dd>
          <dt className="text-zinc-500">Size</dt>
          <dd>{formatBytes(binary.size)}</dd>
        </dl>
        <div className="flex justify-end gap-2 pt-2">
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
