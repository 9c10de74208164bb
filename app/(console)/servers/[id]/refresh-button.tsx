"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ServerDto } from "~/server/services/servers/schemas";
import { useTRPC } from "../../../_trpc/client";
import { errorText } from "../../_components/form/use-zod-form";

/** Staff: re-reads the server from its BMC now (synchronous), then shows the new inventory and parts. */
export function RefreshButton({ server }: { server: Pick<ServerDto, "id" | "name"> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useMutation(
    trpc.servers.refresh.mutationOptions({
      onSuccess: (fresh) => {
        queryClient.setQueryData(trpc.servers.get.queryKey({ id: fresh.id }), fresh);
        return queryClient.invalidateQueries({ queryKey: trpc.servers.pathKey() });
      },
    }),
  );
  const error = errorText(refresh.error);
  return (
    <div className="flex max-w-md flex-col items-end gap-1">
      <button
        type="button"
        className="btn-primary"
        disabled={refresh.isPending}
        onClick={() => refresh.mutate({ id: server.id })}
        title="Log in to the BMC and read this server's inventory again"
      >
        {refresh.isPending ? "Refreshing…" : "Refresh from BMC"}
      </button>
      {error && (
        <p role="alert" className="text-right text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      {refresh.isSuccess && !refresh.isPending && (
        <p role="status" className="text-sm text-zinc-500">
          Inventory read from the BMC just now.
        </p>
      )}
    </div>
  );
}
