"use client";
import { useMutation } from "@tanstack/react-query";
import { authProfileCreateSchema, type AuthProfileDto } from "~/server/services/auth-profiles/schemas";
import { useTRPC } from "../../../_trpc/client";
import { Field } from "../../_components/form/field";
import { FormDialog } from "../../_components/form/form-dialog";
import { useZodForm } from "../../_components/form/use-zod-form";
import { bmcOptions } from "./bmc-protocols";

export function AuthProfileFormDialog({ profile, onClose, onSaved }: { profile: AuthProfileDto | null; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.authProfiles.create.mutationOptions());
  const update = useMutation(trpc.authProfiles.update.mutationOptions());
  const form = useZodForm(authProfileCreateSchema, { node_classification: profile?.node_classification ?? "", bmc: profile?.bmc ?? "redfish" });

  return (
    <FormDialog
      title={profile ? `Edit ${profile.node_classification}` : "Add auth profile"}
      form={form}
      send={(input) => (profile ? update.mutateAsync({ ...input, id: profile.id }) : create.mutateAsync(input))}
      submitLabel={profile ? "Save" : "Add auth profile"}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Field label="Node classification" errors={form.errors.node_classification} hint="The kind of node these credentials open.">
        {(p) => <input {...p} {...form.bind("node_classification")} className="input" placeholder="Dell Servers - DC1" />}
      </Field>
      <Field label="BMC protocol" errors={form.errors.bmc} hint="How registration talks to the BMC: Redfish (HPE iLO 4's older REST tree included).">
        {(p) => (
          <select {...p} {...form.bind("bmc")} className="input">
            {bmcOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
    </FormDialog>
  );
}
