"use client";
import Link from "next/link";
import type { PoolTreeRow } from "./pool-tree";

/** A pool's name, linking to its page (servers, switches, assignment). */
function PoolLink({ id, name }: { id: number; name: string }) {
  return (
    <Link href={`/pools/${id}`} className="hover:text-sky-700 hover:underline dark:hover:text-sky-400">
      <span className="font-medium">{name}</span>
    </Link>
  );
}

/** A pool's name indented to its depth, with the toggle that shows or hides its sub-pools. */
export function PoolTreeName({ row, expanded, onToggle }: { row: PoolTreeRow; expanded: boolean; onToggle: () => void }) {
  return (
    <div className="flex items-center gap-1" style={{ paddingLeft: `${row.depth * 1.25}rem` }}>
      {row.hasChildren ? (
        <button
          type="button"
          aria-expanded={expanded}
          aria-label={`${expanded ? "Collapse" : "Expand"} ${row.name}`}
          onClick={onToggle}
          className="inline-flex size-5 shrink-0 items-center justify-center rounded text-zinc-500 hover:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-zinc-700"
        >
          <span aria-hidden className={`text-xs transition-transform ${expanded ? "rotate-90" : ""}`}>
            ▶
          </span>
        </button>
      ) : (
        <span aria-hidden className="size-5 shrink-0" />
      )}
      <PoolLink id={row.id} name={row.name} />
    </div>
  );
}

/** A search result: the name, and where it sits in the tree. */
export function PoolSearchName({ id, name, path }: { id: number; name: string; path: string }) {
  return (
    <div>
      <PoolLink id={id} name={name} />
      {path && <div className="text-xs text-zinc-500">in {path}</div>}
    </div>
  );
}
