"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { RequestDto } from "~/server/services/requests/schemas";
import { useTRPC } from "../../_trpc/client";
import { DataTable, toListPage, type Column } from "../_components/data-table/data-table";
import { FilterSelect } from "../_components/data-table/filter-controls";
import { useListParams } from "../_components/data-table/use-list-params";
import { formatDateTime } from "../_components/format";
import { errorText } from "../_components/form/use-zod-form";
import { StatusBadge } from "../_components/status-badge";
import { isActive, POLL_MS, requestStatusOptions, requestTypeLabel, requestTypeOptions } from "./request-labels";
import { RequestProgress } from "./request-progress";
import { useRequestSubject } from "./use-request-subject";

const FILTERS = ["status", "type", "server"] as const;

const columnsWith = (subject: (data: Record<string, unknown>) => string): Column<RequestDto>[] => [
  {
    header: "Request",
    sortKey: "id",
    cell: (r) => (
      <Link href={`/requests/${r.id}`} className="font-medium text-sky-700 hover:underline dark:text-sky-300">
        #{r.id} {requestTypeLabel(r.type)}
      </Link>
    ),
  },
  { header: "What", cell: (r) => subject(r.data) },
  { header: "Status", sortKey: "status", cell: (r) => <StatusBadge status={r.status} /> },
  { header: "Progress", cell: (r) => <RequestProgress request={r} /> },
  { header: "Created", sortKey: "created_at", cell: (r) => formatDateTime(r.created_at), className: "whitespace-nowrap" },
  { header: "Finished", sortKey: "finished_at", cell: (r) => (r.finished_at ? formatDateTime(r.finished_at) : "—"), className: "whitespace-nowrap" },
];

/** Every request the user may see; polls while one on the page is still at work. */
export function RequestsTable() {
  const trpc = useTRPC();
  const { query, update } = useListParams(FILTERS);
  const columns = columnsWith(useRequestSubject());
  const requests = useQuery({
    ...trpc.requests.list.queryOptions(query),
    placeholderData: keepPreviousData,
    refetchInterval: (current) => (toListPage(current.state.data)?.results.some((r) => isActive(r.status)) ? POLL_MS : false),
  });
  return (
    <DataTable
      label="requests"
      singularLabel="request"
      columns={columns}
      data={requests.data}
      isLoading={requests.isLoading}
      error={errorText(requests.error)}
      searchPlaceholder="Search type, status…"
      emptyState="No requests yet — open a baseline's compliance view and remediate a pool, or update a server's firmware from the Servers page."
      filters={
        <>
          <FilterSelect label="Status" anyLabel="Any status" value={query.status} options={requestStatusOptions} onChange={(status) => update({ status })} />
          <FilterSelect label="Type" anyLabel="Any type" value={query.type} options={requestTypeOptions} onChange={(type) => update({ type })} />
        </>
      }
    />
  );
}
