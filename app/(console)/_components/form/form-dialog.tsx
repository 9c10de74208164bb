"use client";
import type { ReactNode } from "react";
import { Dialog } from "./dialog";
import { FormErrors } from "./field";
import type { ZodForm } from "./use-zod-form";

type Props<Input, Result> = {
  title: string;
  /** For forms with many fields. */
  wide?: boolean;
  form: Pick<ZodForm<Input>, "errors" | "submitting" | "submit">;
  /** Sends the validated input; what it resolves to goes to `onSaved`. */
  send: (input: Input) => Promise<Result>;
  submitLabel: string;
  onSaved: (result: Result) => void;
  onClose: () => void;
  /** Shown above the form's errors (a note, a mode switch). */
  intro?: ReactNode;
  /** Shown left of the buttons while it is there (progress). */
  status?: ReactNode;
  children: ReactNode;
};

/** Every console form dialog: the fields between the form-wide errors and Cancel/submit; saving closes it. */
export function FormDialog<Input, Result>({ title, wide, form, send, submitLabel, onSaved, onClose, intro, status, children }: Props<Input, Result>) {
  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    let result: Result | undefined;
    const saved = await form.submit(async (input) => {
      result = await send(input);
    });
    if (saved) (onSaved(result as Result), onClose());
  }

  return (
    <Dialog open wide={wide} title={title} onClose={onClose}>
      <form onSubmit={onSubmit} className="space-y-3 wrap-break-word" noValidate>
        {intro}
        <FormErrors errors={form.errors.non_field_errors} />
        {children}
        <div className="flex items-center justify-end gap-2 pt-2">
          {status !== undefined && <div className="mr-2 min-w-0 flex-1">{status}</div>}
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn-primary" disabled={form.submitting}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
