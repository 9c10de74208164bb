"use client";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { PoolDetailDto } from "~/server/services/pools/schemas";
import { useTRPC } from "../../../_trpc/client";
import { DataTable } from "../../_components/data-table/data-table";
import { useListParams, withFilter } from "../../_components/data-table/use-list-params";
import { errorText } from "../../_components/form/use-zod-form";
import { serverColumns } from "../../servers/server-columns";
import { AssignControl } from "./assign-control";
import { PoolSection } from "./pool-section";
import { useRefreshMembership } from "./use-refresh-pools";

const noPoolName = () => "";

/** The pool's servers (searchable, paged, bound to the URL); staff assign unassigned ones and take some out. */
export function PoolServers({ pool, isStaff }: { pool: PoolDetailDto; isStaff: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefreshMembership();
  const { query } = useListParams();
  const servers = useQuery({ ...trpc.servers.list.queryOptions(withFilter(query, { resource_pool: String(pool.id) })), placeholderData: keepPreviousData });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const assign = useMutation(trpc.pools.assignServers.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.servers.removeFromPool.mutationOptions({ onSuccess: () => (setSelected(new Set()), refresh()) }));
  const refused = remove.data?.refused.map((entry) => `Server #${entry.server} stayed: ${entry.reason}`).join(" ");
  const columns = serverColumns({ poolName: noPoolName, withPool: false });
  const pickerColumns = serverColumns({ poolName: noPoolName, withPool: false, linkNames: false });

  return (
    <PoolSection title="Servers" failure={errorText(remove.error) ?? (refused || null)}>
      <DataTable
        label="pool servers"
        singularLabel="pool server"
        columns={columns}
        data={servers.data}
        isLoading={servers.isLoading}
        error={errorText(servers.error)}
        searchPlaceholder="Search this pool's servers…"
        emptyState={isStaff ? "No servers in this pool yet — assign some from the unassigned servers." : "No servers in this pool yet — ask a staff user to assign some."}
        selection={isStaff ? { selected, onChange: setSelected, rowName: (server) => server.name } : undefined}
        toolbar={
          isStaff && (
            <>
              <button type="button" className="btn" disabled={selected.size === 0 || remove.isPending} onClick={() => remove.mutate({ servers: [...selected] })}>
                Remove {selected.size || ""} from pool
              </button>
              <AssignControl
                pool={pool}
                noun="server"
                plural="servers"
                columns={pickerColumns}
                list={(input) => trpc.servers.list.queryOptions(input)}
                assign={(ids) => assign.mutateAsync({ id: pool.id, servers: ids })}
              />
            </>
          )
        }
      />
    </PoolSection>
  );
}
