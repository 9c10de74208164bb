"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "../../../_trpc/client";
import { ProgressBar } from "../../_components/progress-bar";
import { StatusBadge } from "../../_components/status-badge";

const POLL_MS = 1000;
const isRunning = (status: string | undefined) => status === "pending" || status === "running";

/** Live progress of a bulk registration, then its outcome with the reason for each node that failed. */
export function RegistrationProgress({ batchId, onChange, onDismiss }: { batchId: number; onChange: () => void; onDismiss: () => void }) {
  const trpc = useTRPC();
  const batch = useQuery({ ...trpc.registrations.get.queryOptions({ id: batchId }), refetchInterval: (current) => (isRunning(current.state.data?.status) ? POLL_MS : false) });
  const data = batch.data;
  const done = data?.nodes_done ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: registered nodes change in the table as the batch goes (each new `done`).
  useEffect(onChange, [done, onChange]);
  if (!data) return null;
  const failed = data.results.filter((result) => result.status === "failed");
  return (
    <section aria-label={`Registration #${data.id}`} className="mb-4 space-y-2 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center gap-3">
        <h2 className="font-medium">Registration of {data.nodes_total} {data.nodes_total === 1 ? "node" : "nodes"}</h2>
        <StatusBadge status={data.status} />
        <span className="text-zinc-500 tabular-nums" data-testid="registration-count">
          {done} of {data.nodes_total} done{data.nodes_failed ? `, ${data.nodes_failed} failed` : ""}
        </span>
        {!isRunning(data.status) && (
          <button type="button" className="btn ml-auto" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </div>
      {isRunning(data.status) && <ProgressBar label={`Registration #${data.id}`} value={data.nodes_total ? done / data.nodes_total : null} />}
      {failed.length > 0 && (
        <ul className="space-y-1 text-sm text-red-700 dark:text-red-400">
          {failed.map((result, i) => (
            // Each message names its BMC.
            <li key={result.node ?? `deleted-${i}`}>{result.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
