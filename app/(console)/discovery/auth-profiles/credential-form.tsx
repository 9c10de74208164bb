"use client";
import { useMutation } from "@tanstack/react-query";
import { credentialCreateSchema } from "~/server/services/auth-profiles/schemas";
import { useTRPC } from "../../../_trpc/client";
import { Field, FormErrors } from "../../_components/form/field";
import { useZodForm } from "../../_components/form/use-zod-form";

/** Adds a credential pair at the end of the profile's list; the password field empties once it is stored. */
export function CredentialForm({ profileId, onSaved }: { profileId: number; onSaved: () => void }) {
  const trpc = useTRPC();
  const add = useMutation(trpc.authProfiles.addCredential.mutationOptions());
  const blank = { id: profileId, username: "", password: "" };
  const form = useZodForm(credentialCreateSchema, blank);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (await form.submit((input) => add.mutateAsync(input))) (form.reset(blank), onSaved());
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add credential" className="mt-4 space-y-2">
      <FormErrors errors={form.errors.non_field_errors} />
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
        <Field label="BMC username" errors={form.errors.username}>
          {(p) => <input {...p} {...form.bind("username")} autoComplete="off" className="input font-mono" />}
        </Field>
        <Field label="BMC password" errors={form.errors.password}>
          {(p) => <input {...p} type="password" {...form.bind("password")} autoComplete="new-password" className="input" />}
        </Field>
        <button type="submit" className="btn-primary sm:mt-7" disabled={form.submitting}>
          Add credential
        </button>
      </div>
      <p className="text-xs text-zinc-500">Passwords are stored encrypted and never shown again.</p>
    </form>
  );
}
