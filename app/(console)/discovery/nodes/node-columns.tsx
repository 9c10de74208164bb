import type { NodeDto } from "~/server/services/nodes/schemas";
import { ChecksumCell } from "../../_components/checksum-cell";
import type { Column } from "../../_components/data-table/data-table";
import { formatDateTime } from "../../_components/format";
import { StatusBadge } from "../../_components/status-badge";

export const nodeColumns = (rangeName: (id: number) => string | undefined): Column<NodeDto>[] => [
  { header: "Address", sortKey: "ip", cell: (n) => <span className="font-mono text-xs whitespace-nowrap">{n.url}</span> },
  {
    header: "Vendor",
    sortKey: "vendor",
    cell: (n) => (
      <div className="min-w-40">
        <span className="font-medium">{n.vendor || <span className="text-zinc-500">unknown</span>}</span>
        <div className="text-xs text-zinc-500">
          {[n.product, n.redfish_version && `Redfish ${n.redfish_version}`].filter(Boolean).join(" · ")}
        </div>
      </div>
    ),
  },
  {
    header: "Status",
    sortKey: "status",
    cell: (n) => (
      <div className="space-y-1">
        <StatusBadge status={n.status} />
        {n.status_message && <div className="max-w-sm text-xs break-words text-zinc-600 dark:text-zinc-400">{n.status_message}</div>}
      </div>
    ),
  },
  { header: "Certificate", cell: (n) => (n.certificate_sha256 ? <ChecksumCell checksum={n.certificate_sha256} name={`the certificate of ${n.url}`} /> : <span className="text-zinc-500">—</span>) },
  { header: "Scan range", cell: (n) => (n.scan_range === null ? <span className="text-zinc-500">—</span> : (rangeName(n.scan_range) ?? `#${n.scan_range}`)) },
  { header: "Servers", cell: (n) => n.servers.length, className: "tabular-nums" },
  { header: "Last seen", sortKey: "last_seen", cell: (n) => (n.last_seen ? formatDateTime(n.last_seen) : <span className="text-zinc-500">never</span>) },
];
