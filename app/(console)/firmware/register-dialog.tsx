"use client";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { firmwareCreateSchema, firmwareUploadSchema, type FirmwareBinaryDto } from "~/server/services/firmware/schemas";
import { useTRPC } from "../../_trpc/client";
import { Dialog } from "../_components/form/dialog";
import { Field, FormErrors } from "../_components/form/field";
import { useZodForm } from "../_components/form/use-zod-form";
import { ProgressBar } from "../_components/progress-bar";
import { FirmwareMetadataFields } from "./firmware-fields";
import { uploadFirmware } from "./upload-firmware";

type Mode = "url" | "upload";
const EMPTY = { name: "", firmware_type: "bios", version: "", manufacturer: "", models: [], location: undefined, checksum: undefined, release_notes: "" };

export function RegisterFirmwareDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (binary: FirmwareBinaryDto) => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.firmware.create.mutationOptions());
  const [mode, setMode] = useState<Mode>("url");
  const form = useZodForm(mode === "url" ? firmwareCreateSchema : firmwareUploadSchema, EMPTY);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const cancelUpload = useRef(new AbortController());
  useEffect(() => () => cancelUpload.current.abort(), []);
  // Empty optional inputs mean "not given": an empty string would fail the URL and checksum checks.
  const optional = (name: string) => ({ value: String(form.values[name] ?? ""), onChange: (e: { target: { value: string } }) => form.set(name, e.target.value.trim() || undefined) });

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setProgress(mode === "upload" ? 0 : null);
    const saved = await form.submit(async (input) => {
      const binary = mode === "url" ? await create.mutateAsync(input as never) : await uploadFirmware({ ...input, location: undefined }, file, setProgress, cancelUpload.current.signal);
      onSaved(binary);
    });
    if (saved) onClose();
  }

  return (
    <Dialog open wide title="Register firmware" onClose={onClose}>
      <form onSubmit={onSubmit} className="space-y-3 wrap-break-word" noValidate>
        <fieldset className="flex gap-1 rounded-md border border-zinc-300 p-1 dark:border-zinc-700" disabled={form.submitting}>
          <legend className="sr-only">Source</legend>
          {(["url", "upload"] as const).map((value) => (
            <label key={value} className="flex-1 cursor-pointer rounded px-3 py-1 text-center has-checked:bg-sky-700 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-sky-600">
              <input type="radio" name="source" value={value} checked={mode === value} onChange={() => setMode(value)} className="sr-only" />
              {value === "url" ? "By URL" : "Upload a file"}
            </label>
          ))}
        </fieldset>
        <FormErrors errors={form.errors.non_field_errors} />
        <FirmwareMetadataFields form={form} />
        {mode === "url" ? (
          <Field label="Location" errors={form.errors.location} hint="http(s). Rackpilot downloads the image once and keeps a copy.">
            {(p) => <input {...p} type="url" {...optional("location")} className="input" placeholder="https://downloads.example.com/BIOS_2.19.1.EXE" />}
          </Field>
        ) : (
          <Field label="File" errors={form.errors.file}>
            {(p) => <input {...p} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="input py-1.5" />}
          </Field>
        )}
        <Field label="Checksum (optional)" errors={form.errors.checksum} hint="The expected SHA-256: a file that differs is refused.">
          {(p) => <input {...p} {...optional("checksum")} spellCheck={false} className="input font-mono text-xs" />}
        </Field>
        <div className="flex items-center gap-2 pt-2">
          <div className="mr-2 min-w-0 flex-1">
            {form.submitting && <SubmitProgress mode={mode} progress={progress} />}
          </div>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn-primary" disabled={form.submitting}>
            Register
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Bytes sent while uploading; then (and for downloads, throughout) Rackpilot's own work, of unknown length. */
function SubmitProgress({ mode, progress }: { mode: Mode; progress: number | null }) {
  const uploading = mode === "upload" && progress !== null && progress < 1;
  const status = uploading ? `Uploading… ${Math.round(progress * 100)}%` : mode === "url" ? "Downloading and hashing the file…" : "Storing the file…";
  return (
    <div className="space-y-1">
      <ProgressBar label={mode === "url" ? "Download progress" : "Upload progress"} value={uploading ? progress : null} />
      <p className="truncate text-xs text-zinc-500">{status}</p>
    </div>
  );
}
