"use client";
import type { ReactNode } from "react";

type Props = {
  /** The row's name: Edit and Delete then say which row ("Edit DC1 row B"). */
  name?: string;
  editLabel?: string;
  onEdit?: () => void;
  onDelete?: () => void;
  /** Further buttons, before Edit and Delete. */
  children?: ReactNode;
};

/** A table row's buttons; Edit and Delete show only with their handlers. */
export function RowActions({ name, editLabel = "Edit", onEdit, onDelete, children }: Props) {
  return (
    <div className="flex justify-end gap-1">
      {children}
      {onEdit && (
        <button type="button" className="btn" onClick={onEdit} aria-label={name === undefined ? undefined : `${editLabel} ${name}`}>
          {editLabel}
        </button>
      )}
      {onDelete && (
        <button type="button" className="btn" onClick={onDelete} aria-label={name === undefined ? undefined : `Delete ${name}`}>
          Delete
        </button>
      )}
    </div>
  );
}
