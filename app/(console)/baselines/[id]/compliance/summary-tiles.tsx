"use client";
import type { SummaryDto } from "~/server/services/compliance/schemas";
import { statusColorClasses, statusLabel } from "../../../_components/status-badge";

const STATUSES = ["compliant", "non_compliant", "unknown", "not_applicable"] as const;

/** The scope's counts; a status tile filters the matrix to that status (again: shows every server). */
export function SummaryTiles({ summary, status, onStatus }: { summary?: SummaryDto; status?: string; onStatus: (status: string | undefined) => void }) {
  const total = summary?.total_servers ?? 0;
  const share = (count: number) => (total ? `${Math.round((count / total) * 100)}%` : "—");
  return (
    <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-5" aria-label="Summary">
      <div className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="text-zinc-500">Servers</div>
        <div className="text-2xl font-semibold tabular-nums" data-testid="total-servers">
          {summary ? total : "\u00a0"}
        </div>
      </div>
      {STATUSES.map((name) => (
        <button
          key={name}
          type="button"
          aria-pressed={status === name}
          onClick={() => onStatus(status === name ? undefined : name)}
          className={`rounded-lg p-3 text-left ring-1 ring-inset aria-pressed:ring-2 ${statusColorClasses(name)}`}
        >
          <div>{statusLabel(name)}</div>
          <div className="flex items-baseline justify-between">
            <span className="text-2xl font-semibold tabular-nums">{summary ? summary[name] : "\u00a0"}</span>
            <span className="text-sm opacity-75">{summary ? share(summary[name]) : ""}</span>
          </div>
        </button>
      ))}
    </fieldset>
  );
}
