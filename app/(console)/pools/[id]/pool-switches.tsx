"use client";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type { PoolDetailDto } from "~/server/services/pools/schemas";
import { useTRPC } from "../../../_trpc/client";
import { DataTable } from "../../_components/data-table/data-table";
import { useLocalListParams, withFilter } from "../../_components/data-table/use-list-params";
import { errorText } from "../../_components/form/use-zod-form";
import { switchColumns } from "../../switches/switch-columns";
import { AssignControl } from "./assign-control";
import { PoolSection } from "./pool-section";
import { useRefreshMembership } from "./use-refresh-pools";

const noPoolName = () => "";

/** The pool's switches; staff assign unassigned ones and take them out. Paging stays off the URL, which the servers own. */
export function PoolSwitches({ pool, isStaff }: { pool: PoolDetailDto; isStaff: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefreshMembership();
  const params = useLocalListParams(10);
  const switches = useQuery({ ...trpc.switches.list.queryOptions(withFilter(params.query, { resource_pool: String(pool.id) })), placeholderData: keepPreviousData });
  const assign = useMutation(trpc.pools.assignSwitches.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.switches.removeFromPool.mutationOptions({ onSuccess: refresh }));
  const columns = switchColumns({ poolName: noPoolName, withPool: false });

  return (
    <PoolSection title="Switches" failure={errorText(remove.error)}>
      <DataTable
        label="pool switches"
        singularLabel="pool switch"
        columns={columns}
        data={switches.data}
        isLoading={switches.isLoading}
        error={errorText(switches.error)}
        params={params}
        searchPlaceholder="Search this pool's switches…"
        emptyState={isStaff ? "No switches in this pool yet — assign the rack's switches." : "No switches in this pool yet."}
        toolbar={
          isStaff && (
            <AssignControl
              pool={pool}
              noun="switch"
              plural="switches"
              columns={columns}
              list={(input) => trpc.switches.list.queryOptions(input)}
              assign={(ids) => assign.mutateAsync({ id: pool.id, switches: ids })}
            />
          )
        }
        rowActions={
          isStaff
            ? (device) => (
                <button type="button" className="btn" disabled={remove.isPending} onClick={() => remove.mutate({ switches: [device.id] })} aria-label={`Remove ${device.name} from this pool`}>
                  Remove
                </button>
              )
            : undefined
        }
      />
    </PoolSection>
  );
}
