"use client";
import { useQueries, useQuery } from "@tanstack/react-query";
import { COMPLIANCE_STATUSES } from "~/db/schema/choices";
import type { ComplianceReportDto, ServerComplianceDto } from "~/server/services/compliance/schemas";
import { useTRPC } from "../../../../_trpc/client";
import { FilterSelect } from "../../../_components/data-table/filter-controls";
import { Pagination } from "../../../_components/data-table/pagination";
import { SelectAll, SelectRow, type Selection } from "../../../_components/data-table/selection";
import { DEFAULT_PAGE_SIZE } from "../../../_components/data-table/use-list-params";
import { formatDateTime } from "../../../_components/format";
import { StatusBadge, statusColorClasses, statusLabel } from "../../../_components/status-badge";
import { firmwareTypeLabel } from "../../../firmware/firmware-types";

type Component = ServerComplianceDto["components"][number];
type Props = {
  baselineId: number;
  report?: ComplianceReportDto;
  isLoading: boolean;
  query: Record<string, string>;
  update: (changes: Record<string, string | undefined>, options?: { resetPage?: boolean }) => void;
  /** Ticked servers (ids), for the Remediate button. */
  selected: ReadonlySet<number>;
  onSelect: (selected: Set<number>) => void;
};

const statusOptions = COMPLIANCE_STATUSES.map((value) => ({ value, label: statusLabel(value) }));

/** Servers down, the baseline's binaries across; each cell in its status colour, versions on hover or focus. */
export function ComplianceMatrix({ baselineId, report, isLoading, query, update, selected, onSelect }: Props) {
  const binaries = useBinaryNames(baselineId);
  const servers = report?.servers ?? [];
  const rows = servers.map((server) => ({ id: server.server_id, name: server.server_name }));
  const selection: Selection<(typeof rows)[number]> = { selected, onChange: onSelect, rowName: (row) => row.name };
  const columns = binaries.ids;
  const page = Number(query.page) || 1;
  const pageSize = Number(query.page_size) || DEFAULT_PAGE_SIZE;
  return (
    <section aria-label="Compliance matrix" className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <input type="search" aria-label="Search servers" placeholder="Server name, model, serial…" defaultValue={query.search ?? ""} onChange={(e) => update({ search: e.target.value })} className="input max-w-xs" />
        <FilterSelect label="Status" value={query.status} anyLabel="Any status" options={statusOptions} onChange={(status) => update({ status })} />
        <span className="ml-auto text-zinc-500" data-testid="row-count">
          {report?.count !== undefined ? `${report.count} ${report.count === 1 ? "server" : "servers"}` : "\u00a0"}
        </span>
      </div>
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full border-collapse" aria-label="compliance" aria-busy={isLoading}>
          <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <SelectAll rows={rows} selection={selection} label="server" />
              <th scope="col" className="px-3 py-2 font-medium">Server</th>
              <th scope="col" className="px-3 py-2 font-medium">Overall</th>
              {columns.map((id) => (
                <th key={id} scope="col" className="px-3 py-2 font-medium">
                  {binaries.label(id)}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 font-medium">Inventory read</th>
            </tr>
          </thead>
          <tbody>
            {servers.map((server, index) => (
              <tr key={server.server_id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <SelectRow row={rows[index]!} selection={selection} />
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <div className="font-medium">{server.server_name}</div>
                  <div className="text-xs text-zinc-500">
                    {server.manufacturer} {server.model}
                  </div>
                </th>
                <td className="px-3 py-2">
                  <StatusBadge status={server.overall_status} />
                </td>
                {server.components.map((component) => (
                  <td key={component.firmware_binary_id} className="px-3 py-2">
                    <Cell component={component} />
                  </td>
                ))}
                <td className="px-3 py-2 whitespace-nowrap text-zinc-500">{server.inventory_updated_at ? formatDateTime(server.inventory_updated_at) : "never"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {isLoading && !report && <div className="h-24 animate-pulse bg-zinc-100/60 dark:bg-zinc-800/40" />}
        {report && servers.length === 0 && <p className="p-6 text-center text-zinc-500">{emptyText(query, columns.length)}</p>}
        {report && (report.count ?? 0) > 0 && (
          <Pagination count={report.count ?? 0} page={page} pageSize={pageSize} onPage={(next) => update({ page: String(next) }, { resetPage: false })} />
        )}
      </div>
    </section>
  );
}

function emptyText(query: Record<string, string>, binaries: number): string {
  if (binaries === 0) return "This baseline has no firmware binaries yet — edit it on the Baselines page to add some.";
  if (query.status || query.search) return "No server in this scope matches these filters.";
  if (query.pool) return "This pool and its sub-pools hold no servers you can see.";
  return "No server fits this baseline's manufacturers and models yet — register servers, or pick a pool.";
}

function Cell({ component }: { component: Component }) {
  const detail = `Current: ${component.current_version ?? "not found"} · Baseline: ${component.baseline_version} · ${statusLabel(component.status)}`;
  return (
    <button type="button" aria-label={detail} className={`group relative inline-block cursor-default rounded px-2 py-0.5 font-mono text-xs ring-1 ring-inset ${statusColorClasses(component.status)}`}>
      {component.status === "not_applicable" ? "n/a" : (component.current_version ?? "?")}
      <span role="tooltip" className="invisible absolute top-full left-0 z-10 mt-1 w-max max-w-xs rounded bg-zinc-900 px-2 py-1 font-sans text-xs text-white shadow group-hover:visible group-focus:visible">
        {detail}
      </span>
    </button>
  );
}

/** Column headers: each binary's type, name and version, in the report's order (ids ascending). */
function useBinaryNames(baselineId: number) {
  const trpc = useTRPC();
  const baseline = useQuery(trpc.firmwareBaselines.get.queryOptions({ id: baselineId }));
  const ids = baseline.data?.firmware_binaries ?? [];
  const binaries = useQueries({ queries: ids.map((id) => trpc.firmware.get.queryOptions({ id })) });
  const label = (id: number) => {
    const binary = binaries[ids.indexOf(id)]?.data;
    if (!binary) return `#${id}`;
    return (
      <span title={binary.name}>
        {firmwareTypeLabel(binary.firmware_type)}
        <span className="block text-xs font-normal text-zinc-500">
          {binary.name} · <span className="font-mono">{binary.version}</span>
        </span>
      </span>
    );
  };
  return { ids, label };
}
