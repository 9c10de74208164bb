import type { RequestDetailDto } from "~/server/services/requests/schemas";
import { formatDateTime } from "../../_components/format";
import { StatusBadge } from "../../_components/status-badge";

type ServerPart = RequestDetailDto["servers"][number];

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString() : "");

/** A server's steps in order, each with its state, times and message; then the versions before and after. */
export function ServerTimeline({ server }: { server: ServerPart }) {
  const types = [...new Set([...Object.keys(server.versions.before), ...Object.keys(server.versions.after)])];
  return (
    <section aria-label={`Server ${server.server_name}`} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="mb-2 flex items-center gap-3">
        <h2 className="font-medium">{server.server_name}</h2>
        <StatusBadge status={server.status} />
        {server.message && <span className="text-sm text-zinc-600 dark:text-zinc-300">{server.message}</span>}
      </div>
      {server.steps.length === 0 ? (
        <p className="text-sm text-zinc-500">Waiting for its turn: the steps appear once the engine plans this server.</p>
      ) : (
        <ol className="space-y-1 border-l-2 border-zinc-200 pl-4 dark:border-zinc-700">
          {server.steps.map((step) => (
            // A step's name is unique within its server (one binary per firmware type).
            <li key={step.name} className="flex flex-wrap items-baseline gap-x-3 text-sm" data-testid="step">
              <span className="min-w-48 font-mono text-xs">{step.name}</span>
              <StatusBadge status={step.status} />
              <span className="text-xs text-zinc-500 tabular-nums" title={step.started_at ? formatDateTime(step.started_at) : undefined}>
                {time(step.started_at)}
                {step.finished_at ? ` → ${time(step.finished_at)}` : ""}
              </span>
              {step.message && <span className="basis-full pl-0 text-zinc-600 dark:text-zinc-300">{step.message}</span>}
            </li>
          ))}
        </ol>
      )}
      {types.length > 0 && (
        <table className="mt-3 text-sm" aria-label={`Versions of ${server.server_name}`}>
          <thead className="text-left text-zinc-500">
            <tr>
              <th className="pr-4 font-medium">Component</th>
              <th className="pr-4 font-medium">Before</th>
              <th className="font-medium">After</th>
            </tr>
          </thead>
          <tbody className="font-mono text-xs">
            {types.map((type) => (
              <tr key={type}>
                <td className="pr-4 font-sans">{type}</td>
                <td className="pr-4">{server.versions.before[type] ?? "—"}</td>
                <td>{server.versions.after[type] ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
