"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ServerDto } from "~/server/services/servers/schemas";
import { useTRPC } from "../../_trpc/client";
import { errorText } from "../_components/form/use-zod-form";

/** Pool-wide remediation skips a protected server: one switch per row, saved at once. */
export function ProtectedToggle({ server }: { server: Pick<ServerDto, "id" | "name" | "protected"> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.servers.update.mutationOptions({
      onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.servers.list.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.pools.get.pathKey() })]),
    }),
  );
  // Set in the change event itself: the mutation's own state reaches React a task later, and until then
  // React would put the controlled box back to the stored value.
  const [saving, setSaving] = useState<boolean | null>(null);
  const checked = saving ?? server.protected;
  return (
    <label className="inline-flex items-center gap-2" title={errorText(save.error) ?? "Pool-wide remediation skips protected servers"}>
      <input
        type="checkbox"
        role="switch"
        aria-checked={checked}
        className="peer sr-only"
        aria-label={`Protect ${server.name}`}
        checked={checked}
        disabled={saving !== null}
        onChange={(event) => {
          setSaving(event.target.checked);
          save.mutate({ id: server.id, protected: event.target.checked }, { onSettled: () => setSaving(null) });
        }}
      />
      <span aria-hidden className="relative h-5 w-9 rounded-full bg-zinc-300 transition-colors peer-checked:bg-sky-700 peer-focus-visible:outline-2 peer-focus-visible:outline-sky-600 after:absolute after:top-0.5 after:left-0.5 after:size-4 after:rounded-full after:bg-white after:transition-transform peer-checked:after:translate-x-4 dark:bg-zinc-700" />
      {save.error ? <span className="text-xs text-red-700 dark:text-red-400">Not saved</span> : null}
    </label>
  );
}
