"use client";
import Link from "next/link";
import type { ReactNode } from "react";

/** An empty value shows as a dash, so an unknown field never reads as a blank cell. */
export const orDash = (value: string | number | null): ReactNode => (value === null || value === "" ? <span className="text-zinc-500">—</span> : value);

/** Model over manufacturer, as servers and switches show them. */
export function ModelCell({ model, manufacturer }: { model: string; manufacturer: string }) {
  return (
    <div>
      {orDash(model)}
      <div className="text-xs text-zinc-500">{manufacturer}</div>
    </div>
  );
}

/** The pool something is in, linking to the pool's page. */
export function PoolCell({ poolId, name }: { poolId: number | null; name: (id: number) => string }) {
  if (poolId === null) return <span className="text-zinc-500">Unassigned</span>;
  return (
    <Link className="text-sky-700 hover:underline dark:text-sky-400" href={`/pools/${poolId}`}>
      {name(poolId)}
    </Link>
  );
}
