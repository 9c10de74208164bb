"use client";
import { useMutation } from "@tanstack/react-query";
import { authProfileCreateSchema, type AuthProfileDto } from "~/server/services/auth-profiles/schemas";
import { useTRPC } from "../../../_trpc/client";
import { Dialog } from "../../_components/form/dialog";
import { Field, FormErrors } from "../../_components/form/field";
import { useZodForm } from "../../_components/form/use-zod-form";
import { bmcOptions } from "./bmc-protocols";

export function AuthProfileFormDialog({ profile, onClose, onSaved }: { profile: AuthProfileDto | null; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.authProfiles.create.mutationOptions());
  const update = useMutation(trpc.authProfiles.update.mutationOptions());
  const form = useZodForm(authProfileCreateSchema, { node_classification: profile?.node_classification ?? "", bmc: profile?.bmc ?? "redfish" });

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const saved = await form.submit((input) => (profile ? update.mutateAsync({ ...input, id: profile.id }) : create.mutateAsync(input)));
    if (saved) (onSaved(), onClose());
  }

  return (
    <Dialog open title={profile ? `Edit ${profile.node_classification}` : "Add auth profile"} onClose={onClose}>
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <FormErrors errors={form.errors.non_field_errors} />
        <Field label="Node classification" errors={form.errors.node_classification} hint="The kind of node these credentials open.">
          {(p) => <input {...p} value={String(form.values.node_classification)} onChange={(e) => form.set("node_classification", e.target.value)} className="input" placeholder="Dell Servers - DC1" />}
        </Field>
        <Field label="BMC protocol" errors={form.errors.bmc} hint="How registration talks to the BMC: Redfish (HPE iLO 4's older REST tree included).">
          {(p) => (
            <select {...p} value={String(form.values.bmc)} onChange={(e) => form.set("bmc", e.target.value)} className="input">
              {bmcOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="flex justify-end gap-2 pt-2">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn-primary" disabled={form.submitting}>
            {profile ? "Save" : "Add auth profile"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
