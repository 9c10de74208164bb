"use client";
import { useMutation } from "@tanstack/react-query";
import type { GroupDto } from "~/server/services/groups/schemas";
import { poolCreateSchema, type PoolDto } from "~/server/services/pools/schemas";
import { useTRPC } from "../../_trpc/client";
import { Field } from "../_components/form/field";
import { FormDialog } from "../_components/form/form-dialog";
import { useZodForm } from "../_components/form/use-zod-form";
import { poolTreeRows, subtreeIds } from "./pool-tree";

type Props = { pool: PoolDto | null; pools: PoolDto[]; groups: GroupDto[]; defaultGroup?: number; onClose: () => void; onSaved: (saved: PoolDto) => void };

/** Create or edit a pool: its name, group and place in the tree. */
export function PoolFormDialog({ pool, pools, groups, defaultGroup, onClose, onSaved }: Props) {
  const trpc = useTRPC();
  const create = useMutation(trpc.pools.create.mutationOptions());
  const update = useMutation(trpc.pools.update.mutationOptions());
  const form = useZodForm(poolCreateSchema, {
    name: pool?.name ?? "",
    description: pool?.description ?? "",
    group: pool?.group ?? defaultGroup,
    parent: pool?.parent ?? null,
  });
  const parent = pools.find((candidate) => candidate.id === form.values.parent);
  // A pool cannot move under itself or one of its own sub-pools.
  const unavailable = pool ? subtreeIds(pools, pool.id) : new Set<number>();
  const parentChoices = poolTreeRows(pools, "all").filter((row) => !unavailable.has(row.id));

  function chooseParent(value: string) {
    const chosen = pools.find((candidate) => candidate.id === Number(value));
    form.set("parent", chosen ? chosen.id : null);
    if (chosen) form.set("group", chosen.group);
  }

  return (
    <FormDialog
      title={pool ? `Edit ${pool.name}` : "Create pool"}
      form={form}
      send={(input) => (pool ? update.mutateAsync({ ...input, id: pool.id }) : create.mutateAsync(input))}
      submitLabel={pool ? "Save" : "Create pool"}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Field label="Name" errors={form.errors.name}>{(p) => <input {...p} {...form.bind("name")} className="input" placeholder="DC1 row B" />}</Field>
      <Field label="Description" errors={form.errors.description}>{(p) => <textarea {...p} {...form.bind("description")} rows={2} className="input" />}</Field>
      <Field label="Parent pool" errors={form.errors.parent} hint="Leave as top-level, or nest it under a pool you can see.">
        {(p) => (
          <select {...p} className="input" value={String(form.values.parent ?? "")} onChange={(e) => chooseParent(e.target.value)}>
            <option value="">None (top-level pool)</option>
            {parentChoices.map((row) => (
              <option key={row.id} value={row.id}>
                {"\u00a0\u00a0\u00a0".repeat(row.depth)}
                {row.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Group" errors={form.errors.group} hint={parent ? `A sub-pool is in its parent's group (that of ${parent.name}).` : "Its members see and manage the pool."}>
        {(p) => (
          <select {...p} className="input disabled:opacity-60" disabled={parent !== undefined} {...form.bind("group", Number)}>
            <option value="" disabled>
              Choose a group
            </option>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </FormDialog>
  );
}
