"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../../../_trpc/client";
import { toListPage } from "../../../_components/data-table/data-table";
import { errorText } from "../../../_components/form/use-zod-form";
import { formatDateTime } from "../../../_components/format";
import { StatusBadge } from "../../../_components/status-badge";
import { DriftChart } from "./drift-chart";
import type { Scope } from "./scope-picker";

const SHOWN = "90";

/**
 * Drift over time for the scope in view: the history of snapshots (nightly ones cover every compatible
 * server, so a pool or server gets its own history out of them), a button to take one now, and for a
 * chosen snapshot the servers whose status changed since the previous one.
 */
export function DriftPanel({ baselineId, scope }: { baselineId: number; scope: Scope }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const history = useQuery(trpc.compliance.history.queryOptions({ id: baselineId, page: "1", page_size: SHOWN, ...scope }));
  const page = toListPage(history.data);
  const snapshots = page?.results ?? [];
  const [chosen, setChosen] = useState<number | null>(null);
  const selected = snapshots.find((snapshot) => snapshot.id === chosen) ?? snapshots[0];
  const take = useMutation(
    trpc.compliance.snapshot.mutationOptions({
      onSuccess: (snapshot) => {
        setChosen(snapshot.id);
        // The snapshot read the servers as they are now: the tiles and the matrix follow.
        return queryClient.invalidateQueries({ queryKey: trpc.compliance.pathKey() });
      },
    }),
  );
  const snapshotScope = { pool: scope.pool ? Number(scope.pool) : undefined, server: scope.server ? Number(scope.server) : undefined };

  return (
    <section aria-label="Drift over time" className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold">Drift over time</h2>
        <span className="text-zinc-500">{page ? `${page.count} ${page.count === 1 ? "snapshot" : "snapshots"}` : "\u00a0"}</span>
        <button type="button" className="btn ml-auto" disabled={take.isPending} onClick={() => take.mutate({ id: baselineId, ...snapshotScope })}>
          {take.isPending ? "Taking snapshot…" : "Take snapshot now"}
        </button>
      </div>
      {take.error && <p role="alert" className="text-red-700 dark:text-red-400">{errorText(take.error)}</p>}
      {history.isLoading && <div className="h-56 animate-pulse rounded bg-zinc-100/60 dark:bg-zinc-800/40" />}
      {page && snapshots.length === 0 && (
        <p className="flex h-24 items-center justify-center text-zinc-500">No snapshots yet — take one now; the nightly run adds one every night.</p>
      )}
      {snapshots.length > 0 && (
        <>
          <DriftChart snapshots={snapshots} onSelect={setChosen} />
          <label className="flex items-center gap-2">
            <span className="text-zinc-500">Changes at</span>
            <select className="input w-auto" value={selected?.id ?? ""} onChange={(event) => setChosen(Number(event.target.value))}>
              {snapshots.map((snapshot) => (
                <option key={snapshot.id} value={snapshot.id}>
                  {formatDateTime(snapshot.taken_at)} ({snapshot.trigger})
                </option>
              ))}
            </select>
          </label>
          {selected && <SnapshotChanges baselineId={baselineId} snapshotId={selected.id} scope={scope} />}
        </>
      )}
    </section>
  );
}

function SnapshotChanges({ baselineId, snapshotId, scope }: { baselineId: number; snapshotId: number; scope: Scope }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.compliance.snapshotDetail.queryOptions({ id: baselineId, snapshot_id: snapshotId, ...scope }));
  const changed = detail.data?.changed_servers ?? [];
  if (!detail.data) return <div className="h-10" />;
  if (changed.length === 0) return <p className="text-zinc-500">No server changed status since the previous snapshot.</p>;
  return (
    <ul aria-label="Servers that changed status" className="divide-y divide-zinc-100 dark:divide-zinc-800">
      {changed.map((server) => (
        <li key={server.server_id} className="flex items-center gap-2 py-1.5">
          <span className="min-w-40 font-medium">{server.server_name}</span>
          <StatusBadge status={server.previous_status} />
          <span role="img" aria-label="became">→</span>
          <StatusBadge status={server.overall_status} />
        </li>
      ))}
    </ul>
  );
}
