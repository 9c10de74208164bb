"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../../_trpc/client";

/** After an assignment or removal: the pool's counts and both inventories change. */
export function useRefreshMembership() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([trpc.pools.pathKey(), trpc.servers.pathKey(), trpc.switches.pathKey()].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
