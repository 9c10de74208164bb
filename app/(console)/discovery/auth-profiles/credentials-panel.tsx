"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { AuthProfileDto, CredentialDto } from "~/server/services/auth-profiles/schemas";
import { useTRPC } from "../../../_trpc/client";
import { toListPage } from "../../_components/data-table/data-table";
import { formatDateTime } from "../../_components/format";
import { ConfirmDialog } from "../../_components/form/dialog";
import { CredentialForm } from "./credential-form";

/** A profile's credentials in the order registration tries them: user names only, passwords are write-only. */
export function CredentialsPanel({ profile, isStaff, onClose, onChanged }: { profile: AuthProfileDto; isStaff: boolean; onClose: () => void; onChanged: () => void }) {
  const trpc = useTRPC();
  const credentials = useQuery(trpc.authProfiles.listCredentials.queryOptions({ id: profile.id }));
  const rows = toListPage(credentials.data)?.results;
  const [deleting, setDeleting] = useState<CredentialDto | null>(null);
  const remove = useMutation(trpc.authProfiles.deleteCredential.mutationOptions({ onSuccess: () => (setDeleting(null), onChanged()) }));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: "nearest" });
  }, []);

  return (
    <section aria-labelledby="credentials-heading" className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="mb-1 flex items-start justify-between gap-4">
        <h2 id="credentials-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
          Credentials of {profile.node_classification}
        </h2>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="mb-3 text-zinc-500">Registration tries them in this order until one signs in to the BMC.</p>
      {credentials.error && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          Could not load the credentials.
        </p>
      )}
      {!rows && !credentials.error && <div className="h-16 animate-pulse rounded-md bg-zinc-100/60 dark:bg-zinc-800/40" />}
      {rows && rows.length === 0 && <p className="py-2 text-zinc-500">No credentials yet — add the user name and password the BMCs accept.</p>}
      {rows && rows.length > 0 && (
        <ol aria-label="Credentials" className="divide-y divide-zinc-100 border-y border-zinc-100 dark:divide-zinc-800 dark:border-zinc-800">
          {rows.map((credential, index) => (
            <li key={credential.id} className="flex items-center gap-3 py-1.5">
              <span className="w-6 text-right text-zinc-500 tabular-nums">{index + 1}.</span>
              <span className="font-mono">{credential.username}</span>
              <span className="ml-auto text-zinc-500">added {formatDateTime(credential.created_at)}</span>
              {isStaff && (
                <button type="button" className="btn" onClick={() => setDeleting(credential)} aria-label={`Delete credential ${credential.username}`}>
                  Delete
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {isStaff && <CredentialForm profileId={profile.id} onSaved={onChanged} />}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete credential ${deleting?.username ?? ""}?`}
        consequence={`Registration stops trying ${deleting?.username ?? "this user"} on ${profile.node_classification} nodes, and its stored password is destroyed.`}
        confirmLabel="Delete credential"
        action={remove}
        onConfirm={() => deleting && remove.mutate({ id: profile.id, credential_id: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}
