"use client";
import { useMutation } from "@tanstack/react-query";
import { userCreateSchema, userPatchSchema, type UserDto } from "~/server/services/users/schemas";
import type { GroupDto } from "~/server/services/groups/schemas";
import { useTRPC } from "../../_trpc/client";
import { Field } from "../_components/form/field";
import { FormDialog } from "../_components/form/form-dialog";
import { useZodForm } from "../_components/form/use-zod-form";

export function UserFormDialog({ user, groups, onClose, onSaved }: { user: UserDto | null; groups: GroupDto[]; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.users.create.mutationOptions());
  const update = useMutation(trpc.users.update.mutationOptions());
  const form = useZodForm(user ? userPatchSchema : userCreateSchema, {
    username: user?.username ?? "",
    email: user?.email ?? "",
    first_name: user?.first_name ?? "",
    last_name: user?.last_name ?? "",
    is_staff: user?.is_staff ?? false,
    groups: user?.groups ?? [1],
    ...(user ? {} : { password: "" }),
  });
  const selectedGroups = (form.values.groups as number[]) ?? [];

  return (
    <FormDialog
      title={user ? `Edit ${user.username}` : "Add user"}
      form={form}
      send={(input) => (user ? update.mutateAsync({ ...input, id: user.id }) : create.mutateAsync(input as never))}
      submitLabel={user ? "Save" : "Add user"}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Field label="Username" errors={form.errors.username}>{(p) => <input {...p} {...form.bind("username")} className="input" />}</Field>
      <Field label={user ? "New password (leave empty to keep)" : "Password"} errors={form.errors.password} hint="At least 8 characters. Never shown again.">
        {(p) => <input {...p} type="password" autoComplete="new-password" {...form.bind("password", (text) => (user && !text ? undefined : text))} className="input" />}
      </Field>
      <Field label="Email" errors={form.errors.email}>{(p) => <input {...p} type="email" {...form.bind("email")} className="input" />}</Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="First name" errors={form.errors.first_name}>{(p) => <input {...p} {...form.bind("first_name")} className="input" />}</Field>
        <Field label="Last name" errors={form.errors.last_name}>{(p) => <input {...p} {...form.bind("last_name")} className="input" />}</Field>
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={Boolean(form.values.is_staff)} onChange={(e) => form.set("is_staff", e.target.checked)} /> Staff (manages users, groups and every pool)
      </label>
      <fieldset>
        <legend className="mb-1 font-medium">Groups</legend>
        {groups.map((group) => (
          <label key={group.id} className="mr-4 inline-flex items-center gap-1">
            <input
              type="checkbox"
              checked={selectedGroups.includes(group.id)}
              onChange={(e) => form.set("groups", e.target.checked ? [...selectedGroups, group.id] : selectedGroups.filter((id) => id !== group.id))}
            />
            {group.name}
          </label>
        ))}
        {form.errors.groups && <p className="text-red-700 dark:text-red-400">{form.errors.groups.join(" ")}</p>}
      </fieldset>
    </FormDialog>
  );
}
