"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { SwitchDto } from "~/server/services/switches/schemas";
import { useTRPC } from "../../_trpc/client";
import { DataTable } from "../_components/data-table/data-table";
import { FilterSelect } from "../_components/data-table/filter-controls";
import { RowActions } from "../_components/data-table/row-actions";
import { useListParams } from "../_components/data-table/use-list-params";
import { ConfirmDialog } from "../_components/form/dialog";
import { errorText } from "../_components/form/use-zod-form";
import { usePoolNames } from "../servers/use-pool-names";
import { switchColumns } from "./switch-columns";
import { SwitchFormDialog } from "./switch-form";

const FILTERS = ["resource_pool"] as const;

export function SwitchesTable({ isStaff }: { isStaff: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { query, update } = useListParams(FILTERS);
  const switches = useQuery({ ...trpc.switches.list.queryOptions(query), placeholderData: keepPreviousData });
  const { pools, poolName } = usePoolNames();
  const [editing, setEditing] = useState<SwitchDto | "new" | null>(null);
  const [deleting, setDeleting] = useState<SwitchDto | null>(null);
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.switches.list.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.pools.pathKey() })]);
  const remove = useMutation(trpc.switches.delete.mutationOptions({ onSuccess: () => (setDeleting(null), refresh()) }));

  return (
    <>
      <DataTable
        label="switches"
        singularLabel="switch"
        columns={switchColumns({ poolName })}
        data={switches.data}
        isLoading={switches.isLoading}
        error={errorText(switches.error)}
        searchPlaceholder="Search name, vendor, model, serial, address…"
        emptyState={isStaff ? "No switches yet — add the switches of your racks so pools can hold them." : "No switches in your pools yet — ask a staff user to add them."}
        filters={<FilterSelect label="Pool" anyLabel="Any pool" value={query.resource_pool} options={pools.map((pool) => ({ value: String(pool.id), label: pool.name }))} onChange={(resource_pool) => update({ resource_pool })} />}
        toolbar={
          isStaff ? (
            <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
              Add switch
            </button>
          ) : (
            <span className="text-zinc-500">Staff manage switches.</span>
          )
        }
        rowActions={isStaff ? (device) => <RowActions name={device.name} onEdit={() => setEditing(device)} onDelete={() => setDeleting(device)} /> : undefined}
      />
      {editing && <SwitchFormDialog device={editing === "new" ? null : editing} pools={pools} onClose={() => setEditing(null)} onSaved={refresh} />}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete switch ${deleting?.name ?? ""}?`}
        consequence="The switch leaves the inventory and its pool for good."
        confirmLabel="Delete switch"
        action={remove}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
