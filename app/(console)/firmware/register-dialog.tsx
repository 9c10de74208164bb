"use client";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { firmwareCreateSchema, firmwareUploadSchema, type FirmwareBinaryDto } from "~/server/services/firmware/schemas";
import { useTRPC } from "../../_trpc/client";
import { Field } from "../_components/form/field";
import { FormDialog } from "../_components/form/form-dialog";
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
  const optional = (text: string) => text.trim() || undefined;

  return (
    <FormDialog
      wide
      title="Register firmware"
      form={form}
      send={(input) => {
        setProgress(mode === "upload" ? 0 : null);
        return mode === "url" ? create.mutateAsync(input as never) : uploadFirmware({ ...input, location: undefined }, file, setProgress, cancelUpload.current.signal);
      }}
      submitLabel="Register"
      onSaved={onSaved}
      onClose={onClose}
      intro={
        <fieldset className="flex gap-1 rounded-md border border-zinc-300 p-1 dark:border-zinc-700" disabled={form.submitting}>
          <legend className="sr-only">Source</legend>
          {(["url", "upload"] as const).map((value) => (
            <label key={value} className="flex-1 cursor-pointer rounded px-3 py-1 text-center has-checked:bg-sky-700 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-sky-600">
              <input type="radio" name="source" value={value} checked={mode === value} onChange={() => setMode(value)} className="sr-only" />
              {value === "url" ? "By URL" : "Upload a file"}
            </label>
          ))}
        </fieldset>
      }
      status={form.submitting && <SubmitProgress mode={mode} progress={progress} />}
    >
      <FirmwareMetadataFields form={form} />
      {mode === "url" ? (
        <Field label="Location" errors={form.errors.location} hint="http(s). Rackpilot downloads the image once and keeps a copy.">
          {(p) => <input {...p} type="url" {...form.bind("location", optional)} className="input" placeholder="https://downloads.example.com/BIOS_2.19.1.EXE" />}
        </Field>
      ) : (
        <Field label="File" errors={form.errors.file}>
          {(p) => <input {...p} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="input py-1.5" />}
        </Field>
      )}
      <Field label="Checksum (optional)" errors={form.errors.checksum} hint="The expected SHA-256: a file that differs is refused.">
        {(p) => <input {...p} {...form.bind("checksum", optional)} spellCheck={false} className="input font-mono text-xs" />}
      </Field>
    </FormDialog>
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
