"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { NodeDto } from "~/server/services/nodes/schemas";
import { useTRPC } from "../../../_trpc/client";
import { Dialog } from "../../_components/form/dialog";
import { errorText } from "../../_components/form/use-zod-form";

type Props = {
  /** One node registers at once and shows its server; several (ids, from any page) start a bulk registration. */
  target: { node: NodeDto } | { ids: number[] };
  onClose: () => void;
  onRegistered: () => void;
  onBulkStarted: (batchId: number) => void;
};

/** Register with an auth profile picked from the list; the profile's credentials are tried in order. */
export function RegisterDialog({ target, onClose, onRegistered, onBulkStarted }: Props) {
  const trpc = useTRPC();
  const profiles = useQuery(trpc.authProfiles.list.queryOptions({ page_size: "1000", ordering: "node_classification" }));
  const profileList = profiles.data && "results" in profiles.data ? profiles.data.results : [];
  const [picked, setPicked] = useState<string>("");
  const profileId = Number(picked || profileList[0]?.id);
  const one = useMutation(trpc.registrations.registerNode.mutationOptions({ onSuccess: onRegistered }));
  const many = useMutation(trpc.registrations.start.mutationOptions({ onSuccess: (batch) => (onBulkStarted(batch.id), onClose()) }));
  const single = "node" in target;
  const action = single ? one : many;
  const error = errorText(action.error);
  const title = single ? `Register ${target.node.url}` : `Register ${target.ids.length} nodes`;
  const submit = () => ("node" in target ? one.mutate({ id: target.node.id, auth_profile: profileId }) : many.mutate({ nodes: target.ids, auth_profile: profileId }));

  return (
    <Dialog open title={title} onClose={onClose}>
      {one.data ? (
        <div className="space-y-4">
          <p role="status">
            Registered:{" "}
            <Link href={`/servers/${one.data.id}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
              {one.data.name}
            </Link>{" "}
            ({one.data.manufacturer} {one.data.model}, serial {one.data.serial_number}).
          </p>
          <div className="flex justify-end">
            <button type="button" className="btn-primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <div className="space-y-4">
          <p className="text-zinc-600 dark:text-zinc-300">
            Rackpilot logs in to {single ? "the BMC" : "each BMC"} with the profile&apos;s credentials in order, reads the inventory and creates or updates
            {single ? " its server" : " their servers"}. {single ? "" : "It runs in the background: progress shows above the table."}
          </p>
          {profiles.isSuccess && profileList.length === 0 ? (
            <p role="alert" className="text-amber-700 dark:text-amber-400">
              No auth profiles yet — add one with the BMC credentials on the Auth profiles tab first.
            </p>
          ) : (
            <label className="block">
              <span className="mb-1 block text-sm font-medium">Auth profile</span>
              <select className="input" value={picked || String(profileList[0]?.id ?? "")} onChange={(event) => setPicked(event.target.value)}>
                {profileList.map((profile) => (
                  <option key={profile.id} value={profile.id}>
                    {profile.node_classification} ({profile.credentials_count} {profile.credentials_count === 1 ? "credential" : "credentials"})
                  </option>
                ))}
              </select>
            </label>
          )}
          {error && (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {error}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="btn-primary" disabled={action.isPending || !profileId} onClick={submit}>
              {action.isPending && single ? "Registering…" : "Register"}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
