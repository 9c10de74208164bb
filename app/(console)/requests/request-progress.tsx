import type { RequestDto } from "~/server/services/requests/schemas";
import { ProgressBar } from "../_components/progress-bar";

/** Servers done of the total, as a bar and in numbers (failures named). */
export function RequestProgress({ request }: { request: Pick<RequestDto, "id" | "progress"> }) {
  const { servers_total: total, servers_done: done, servers_failed: failed, percent } = request.progress;
  return (
    <div className="flex min-w-48 items-center gap-2">
      <ProgressBar label={`Request #${request.id} progress`} value={total ? percent / 100 : null} />
      <span className="text-xs whitespace-nowrap text-zinc-500 tabular-nums" data-testid="request-progress">
        {done}/{total}
        {failed ? `, ${failed} failed` : ""} · {percent}%
      </span>
    </div>
  );
}
