"use client";
import { useMutation } from "@tanstack/react-query";
import { firmwareReplaceSchema, type FirmwareBinaryDto } from "~/server/services/firmware/schemas";
import { useTRPC } from "../../_trpc/client";
import { formatBytes } from "../_components/format";
import { FormDialog } from "../_components/form/form-dialog";
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

  return (
    <FormDialog wide title={`Edit ${binary.name}`} form={form} send={(input) => update.mutateAsync({ ...input, id: binary.id })} submitLabel="Save" onSaved={onSaved} onClose={onClose}>
      <FirmwareMetadataFields form={form} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md bg-zinc-50 p-2 text-xs dark:bg-zinc-800/60">
        <dt className="text-zinc-500">Location</dt>
        <dd className="break-all">{binary.location}</dd>
        <dt className="text-zinc-500">SHA-256</dt>
        <dd className="font-mono break-all">{binary.checksum}</dd>
        <dt className="text-zinc-500">Size</dt>
        <dd>{formatBytes(binary.size)}</dd>
      </dl>
    </FormDialog>
  );
}
