"use client";

/** A column header that sorts by `sortKey`: ascending, then descending, then back to the default. */
export function SortHeader({ label, sortKey, ordering, onOrder }: { label: string; sortKey: string; ordering?: string; onOrder: (ordering?: string) => void }) {
  const direction = ordering === sortKey ? "ascending" : ordering === `-${sortKey}` ? "descending" : "none";
  const next = direction === "none" ? sortKey : direction === "ascending" ? `-${sortKey}` : undefined;
  return (
    <th scope="col" aria-sort={direction} className="px-3 py-2 text-left font-medium">
      <button type="button" className="inline-flex items-center gap-1 hover:text-sky-700" onClick={() => onOrder(next)}>
        {label}
        <span aria-hidden className="w-3 text-xs">
          {direction === "ascending" ? "▲" : direction === "descending" ? "▼" : ""}
        </span>
      </button>
    </th>
  );
}
