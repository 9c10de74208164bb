"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ServerDto } from "~/server/services/servers/schemas";
import { useTRPC } from "../../_trpc/client";
import { DataTable } from "../_components/data-table/data-table";
import { FilterSelect } from "../_components/data-table/filter-controls";
import { RowActions } from "../_components/data-table/row-actions";
import { useListParams } from "../_components/data-table/use-list-params";
import { ConfirmDialog } from "../_components/form/dialog";
import { errorText } from "../_components/form/use-zod-form";
import { serverColumns } from "./server-columns";
import { UpdateFirmwareDialog } from "./update-firmware-dialog";
import { usePoolNames } from "./use-pool-names";

const FILTERS = ["resource_pool", "resource_pool__isnull", "protected"] as const;
const UNASSIGNED = "unassigned";
const PROTECTED_OPTIONS = [
  { value: "true", label: "Protected" },
  { value: "false", label: "Not protected" },
];

export function ServersTable({ isStaff }: { isStaff: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { query, update } = useListParams(FILTERS);
  const servers = useQuery({ ...trpc.servers.list.queryOptions(query), placeholderData: keepPreviousData });
  const { pools, poolName } = usePoolNames();
  const [deleting, setDeleting] = useState<ServerDto | null>(null);
  const [updating, setUpdating] = useState<ServerDto | null>(null);
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.servers.list.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.pools.pathKey() })]);
  const remove = useMutation(trpc.servers.delete.mutationOptions({ onSuccess: () => (setDeleting(null), refresh()) }));
  const unassign = useMutation(trpc.servers.removeFromPool.mutationOptions({ onSuccess: refresh }));
  const refused = unassign.data?.refused.map((entry) => entry.reason).join(" ");

  const poolFilter = query.resource_pool__isnull === "true" ? UNASSIGNED : query.resource_pool;
  const poolOptions = [...(isStaff ? [{ value: UNASSIGNED, label: "Unassigned" }] : []), ...pools.map((pool) => ({ value: String(pool.id), label: pool.name }))];
  const choosePool = (value: string) =>
    update(value === UNASSIGNED ? { resource_pool: undefined, resource_pool__isnull: "true" } : { resource_pool: value, resource_pool__isnull: undefined });

  return (
    <>
      {(unassign.error || refused) && (
        <p role="alert" className="mb-3 rounded-md bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-200">
          {errorText(unassign.error) ?? refused}
        </p>
      )}
      <DataTable
        label="servers"
        singularLabel="server"
        columns={serverColumns({ poolName })}
        data={servers.data}
        isLoading={servers.isLoading}
        error={errorText(servers.error)}
        searchPlaceholder="Search name, model, serial, vendor, SKU, BMC…"
        emptyState={
          isStaff
            ? "No servers yet — register the nodes discovery found, and they appear here."
            : "No servers in your pools yet — ask a staff user to assign servers to one of your group's pools."
        }
        filters={
          <>
            <FilterSelect label="Pool" anyLabel="Any pool" value={poolFilter} options={poolOptions} onChange={choosePool} />
            <FilterSelect label="Protection" anyLabel="Protected or not" value={query.protected} options={PROTECTED_OPTIONS} onChange={(value) => update({ protected: value })} />
          </>
        }
        rowActions={(server) => (
          <RowActions name={server.name} onDelete={isStaff ? () => setDeleting(server) : undefined}>
            {!server.protected && (
              <button type="button" className="btn" onClick={() => setUpdating(server)} aria-label={`Update firmware of ${server.name}`}>
                Update firmware
              </button>
            )}
            {isStaff && server.resource_pool !== null && (
              <button type="button" className="btn" disabled={unassign.isPending} onClick={() => unassign.mutate({ servers: [server.id] })} aria-label={`Remove ${server.name} from its pool`}>
                Remove from pool
              </button>
            )}
          </RowActions>
        )}
      />
      {updating && <UpdateFirmwareDialog server={updating} onClose={() => setUpdating(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        title={`Forget server ${deleting?.name ?? ""}?`}
        consequence="Rackpilot drops the server and its inventory; its node goes back to discovered, ready to be registered again. A server in an active request cannot be forgotten."
        confirmLabel="Forget server"
        action={remove}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
