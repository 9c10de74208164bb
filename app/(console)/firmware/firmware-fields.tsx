"use client";
import { useState } from "react";
import { Field } from "../_components/form/field";
import type { ZodForm } from "../_components/form/use-zod-form";
import { firmwareTypeOptions, modelsFromText } from "./firmware-types";

type FormState = Pick<ZodForm<unknown>, "values" | "errors" | "set" | "bind">;

/** The catalog entry's descriptive fields: the same in the register and the edit dialogs. */
export function FirmwareMetadataFields({ form }: { form: FormState }) {
  const [modelsText, setModelsText] = useState(((form.values.models as string[] | undefined) ?? []).join(", "));
  return (
    <>
      <div className="grid grid-cols-3 gap-3">
        <Field label="Name" errors={form.errors.name}>{(p) => <input {...p} {...form.bind("name")} className="input" placeholder="R750 BIOS" />}</Field>
        <Field label="Type" errors={form.errors.firmware_type}>
          {(p) => (
            <select {...p} {...form.bind("firmware_type")} className="input">
              {firmwareTypeOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Version" errors={form.errors.version}>{(p) => <input {...p} {...form.bind("version")} className="input" placeholder="2.19.1" />}</Field>
        <Field label="Manufacturer" errors={form.errors.manufacturer}>{(p) => <input {...p} {...form.bind("manufacturer")} className="input" placeholder="Dell" />}</Field>
        <div className="col-span-2">
          <Field label="Models" errors={form.errors.models} hint="Comma-separated, as the BMCs report them.">
            {(p) => <input {...p} value={modelsText} onChange={(e) => (setModelsText(e.target.value), form.set("models", modelsFromText(e.target.value)))} className="input" placeholder="PowerEdge R750, PowerEdge R650" />}
          </Field>
        </div>
      </div>
      <Field label="Release notes" errors={form.errors.release_notes}>{(p) => <textarea {...p} {...form.bind("release_notes")} rows={2} className="input" />}</Field>
    </>
  );
}
