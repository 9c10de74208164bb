"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../_trpc/client";
import { toListPage } from "../_components/data-table/data-table";

/** Every pool the user can see, and a pool id's name for table cells. */
export function usePoolNames() {
  const trpc = useTRPC();
  const pools = toListPage(useQuery(trpc.pools.list.queryOptions({ ordering: "name" })).data)?.results ?? [];
  const names = new Map(pools.map((pool) => [pool.id, pool.name]));
  return { pools, poolName: (id: number) => names.get(id) ?? `#${id}` };
}
