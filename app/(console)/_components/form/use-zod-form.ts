"use client";
import { useState } from "react";
import type { z } from "zod";
import { zodIssuesToDrf } from "~/server/lib/drf-errors";

export type FieldErrors = Record<string, string[]>;

/** Flattens a DRF body (`{field: [msg]}`, `{detail}`, nested objects) into messages per top-level field. */
export function drfToFieldErrors(body: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!body || typeof body !== "object") return errors;
  for (const [field, value] of Object.entries(body)) {
    const messages = Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : Object.values(drfToFieldErrors(value)).flat();
    errors[field === "detail" ? "non_field_errors" : field] = messages;
  }
  return errors;
}

/** The DRF body a failed tRPC call carries (see errorFormatter in server/api/trpc.ts). */
export function drfBodyOf(error: unknown): unknown {
  return (error as { data?: { drf?: unknown } } | null)?.data?.drf ?? { detail: "Something went wrong. Try again." };
}

/** Every message of a failed call in one line, for places without fields (a confirmation, a table); null without an error. */
export function errorText(error: unknown): string | null {
  return error ? Object.values(drfToFieldErrors(drfBodyOf(error))).flat().join(" ") : null;
}

export type ZodForm<Input> = {
  values: Record<string, unknown>;
  set: (name: string, value: unknown) => void;
  /** `value`/`onChange` for a text input, select or textarea; `toValue` turns the typed text into the stored value. */
  bind: (name: string, toValue?: (text: string) => unknown) => { value: string; onChange: (event: { target: { value: string } }) => void };
  errors: FieldErrors;
  submitting: boolean;
  /** Validates, then sends; false when the browser or the server found errors (they are in `errors`). */
  submit: (send: (input: Input) => Promise<unknown>) => Promise<boolean>;
  reset: (next: Record<string, unknown>) => void;
};

/**
 * One form pattern for every console form: the same zod schema as the API validates in the browser
 * (with the API's messages), then server-side errors land on the same fields.
 */
export function useZodForm<Schema extends z.ZodType>(schema: Schema, initial: Record<string, unknown>): ZodForm<z.infer<Schema>> {
  const [values, setValues] = useState<Record<string, unknown>>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);

  const set = (name: string, value: unknown) => setValues((current) => ({ ...current, [name]: value }));
  const bind = (name: string, toValue: (text: string) => unknown = (text) => text) => ({
    value: String(values[name] ?? ""),
    onChange: (event: { target: { value: string } }) => set(name, toValue(event.target.value)),
  });

  async function submit(send: (input: z.infer<Schema>) => Promise<unknown>): Promise<boolean> {
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      setErrors(drfToFieldErrors(zodIssuesToDrf(parsed.error.issues)));
      return false;
    }
    setSubmitting(true);
    setErrors({});
    try {
      await send(parsed.data);
      return true;
    } catch (error) {
      setErrors(drfToFieldErrors(drfBodyOf(error)));
      return false;
    } finally {
      setSubmitting(false);
    }
  }

  return { values, set, bind, errors, submitting, submit, reset: (next) => (setValues(next), setErrors({})) };
}
