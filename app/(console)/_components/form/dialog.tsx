"use client";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { errorText } from "./use-zod-form";

/** A native modal dialog: focus trapping, Escape to close and the backdrop come from the browser. */
export function Dialog({ open, title, wide, onClose, children }: { open: boolean; title: string; /** For forms with many fields. */ wide?: boolean; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={titleId}
      className={`m-auto w-full ${wide ? "max-w-2xl" : "max-w-lg"} rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100`}
    >
      {open && (
        <div className="p-5">
          <h2 id={titleId} className="mb-4 text-lg font-semibold">
            {title}
          </h2>
          {children}
        </div>
      )}
    </dialog>
  );
}

/** What a confirmation runs: react-query's mutation result fits. */
type ConfirmedAction = { isPending: boolean; error: unknown; reset: () => void };

/** Destructive actions say what will happen, then ask once; closing forgets the action's error. */
export function ConfirmDialog(props: { open: boolean; title: string; consequence: ReactNode; confirmLabel: string; action: ConfirmedAction; onConfirm: () => void; onClose: () => void }) {
  const error = errorText(props.action.error);
  const close = () => (props.onClose(), props.action.reset());
  return (
    <Dialog open={props.open} title={props.title} onClose={close}>
      <div className="mb-4 text-zinc-600 dark:text-zinc-300">{props.consequence}</div>
      {error && (
        <p role="alert" className="mb-3 text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" className="btn" onClick={close}>
          Cancel
        </button>
        <button type="button" className="btn-danger" disabled={props.action.isPending} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
