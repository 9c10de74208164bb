import type { ScanRangeDto } from "~/server/services/scan-ranges/schemas";
import { ProgressBar } from "../_components/progress-bar";
import { StatusBadge } from "../_components/status-badge";

/** A range's status; while it scans, the addresses probed so far of all, summed over its chunks. */
export function ScanStatus({ range }: { range: ScanRangeDto }) {
  const { addresses_probed: probed, addresses_total: total } = range;
  return (
    <div className="min-w-40 space-y-1">
      <StatusBadge status={range.status} />
      {range.status === "scanning" && (
        <>
          <ProgressBar label={`Scan of ${range.name}`} value={total ? (probed ?? 0) / total : null} />
          <div className="text-xs text-zinc-500 tabular-nums">
            {(probed ?? 0).toLocaleString()} of {(total ?? 0).toLocaleString()} addresses probed
          </div>
        </>
      )}
      {range.status === "error" && range.status_message && <div className="max-w-xs text-xs text-red-700 dark:text-red-400">{range.status_message}</div>}
    </div>
  );
}
