"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "../../../_trpc/client";
import { formatDateTime } from "../../_components/format";
import { ConfirmDialog } from "../../_components/form/dialog";
import { errorText } from "../../_components/form/use-zod-form";
import { PageHeader } from "../../_components/page-header";
import { StatusBadge } from "../../_components/status-badge";
import { isActive, POLL_MS, requestTypeLabel } from "../request-labels";
import { RequestProgress } from "../request-progress";
import { useRequestSubject } from "../use-request-subject";
import { ServerTimeline } from "./server-timeline";

/** One request, live: its progress and each server's steps, refreshed every second while it runs. */
export function RequestDetail({ requestId, me }: { requestId: number; me: { userId: number; isStaff: boolean } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const request = useQuery({
    ...trpc.requests.get.queryOptions({ id: requestId }),
    refetchInterval: (current) => (isActive(current.state.data?.status) ? POLL_MS : false),
  });
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(
    trpc.requests.cancel.mutationOptions({
      onSuccess: (data) => (setConfirming(false), queryClient.setQueryData(trpc.requests.get.queryKey({ id: requestId }), data)),
    }),
  );
  const data = request.data;
  const subject = useRequestSubject();
  const mayCancel = data && isActive(data.status) && !data.cancel_requested && (me.isStaff || data.created_by === me.userId);

  return (
    <>
      <PageHeader
        title={data ? `Request #${data.id}: ${requestTypeLabel(data.type)}` : `Request #${requestId}`}
        description={data ? `${subject(data.data)} · created ${formatDateTime(data.created_at)}` : undefined}
        actions={
          <div className="flex gap-2">
            {mayCancel && (
              <button type="button" className="btn-danger" onClick={() => setConfirming(true)}>
                Cancel request
              </button>
            )}
            {data && typeof data.data.baseline === "number" && (
              <Link href={`/baselines/${data.data.baseline}/compliance${typeof data.data.pool === "number" ? `?pool=${data.data.pool}` : ""}`} className="btn">
                Compliance
              </Link>
            )}
            <Link href="/requests" className="btn">
              All requests
            </Link>
          </div>
        }
      />
      {request.error && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {errorText(request.error)}
        </p>
      )}
      {data && (
        <div className="space-y-5">
          <section
            aria-label="Progress"
            className="flex flex-wrap items-center gap-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
          >
            <StatusBadge status={data.status} />
            {data.cancel_requested && isActive(data.status) && (
              <span className="text-amber-700 dark:text-amber-300">Cancelling: flashes already accepted finish, nothing new starts.</span>
            )}
            <div className="min-w-64 flex-1">
              <RequestProgress request={data} />
            </div>
            {data.finished_at && <span className="text-zinc-500">Finished {formatDateTime(data.finished_at)}</span>}
          </section>
          {data.servers.length === 0 ? (
            <p className="text-zinc-500">None of this request&apos;s servers is in your pools.</p>
          ) : (
            data.servers.map((server) => <ServerTimeline key={server.server} server={server} />)
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Cancel request #${requestId}?`}
        consequence="No new server or component starts. Updates a BMC has already accepted are never interrupted: they finish, then the request ends cancelled."
        confirmLabel="Cancel request"
        action={cancel}
        onConfirm={() => cancel.mutate({ id: requestId })}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
