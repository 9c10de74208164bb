import { pk } from "~/server/lib/fields";
import { z } from "~/server/lib/zod";

export const poolSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  group: z.number().int().describe("Id of the user group that controls access to this pool (and its sub-pools and servers)."),
  parent: z.number().int().nullable().describe("Id of the parent pool, null for a top-level pool."),
  sub_pools: z.array(z.number().int()).describe("Ids of the pools directly under this one."),
  servers_count: z.number().int().describe("Number of servers assigned to this pool (not counting sub-pools)."),
  switches_count: z.number().int().describe("Number of switches assigned to this pool (not counting sub-pools)."),
  created_at: z.string().describe("ISO 8601, UTC."),
  updated_at: z.string().describe("ISO 8601, UTC; changes on every update."),
});
export type PoolDto = z.infer<typeof poolSchema>;

const poolFields = {
  name: z.string().trim().min(1).max(256),
  description: z.string().trim().describe('Free text, default "".'),
  group: pk().describe(
    "Id of a group you belong to (staff: any group). Optional: a sub-pool takes its parent's group, a top-level pool the default group (1).",
  ),
  parent: pk().nullable().describe("Id of the parent pool (it must not be this pool or one of its sub-pools), or null."),
};

export const poolCreateSchema = z.object({
  name: poolFields.name,
  description: poolFields.description.optional(),
  group: poolFields.group.optional(),
  parent: poolFields.parent.optional(),
});
export type PoolCreateInput = z.infer<typeof poolCreateSchema>;

/** PUT demands `name`; PATCH demands nothing. Either way only the sent fields change. */
export const poolReplaceSchema = poolCreateSchema;
export type PoolUpdateInput = Partial<PoolCreateInput> & { id: number };

export const subPoolCreateSchema = z.object({
  id: z.number().int().describe("Id of the parent pool."),
  name: poolFields.name,
  description: poolFields.description.optional(),
});
export type SubPoolCreateInput = z.infer<typeof subPoolCreateSchema>;

export const poolServerSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  serial_number: z.string(),
  power_state: z.string(),
  protected: z.boolean(),
});

export const poolSwitchSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  management_ip: z.string().nullable(),
});

/** `GET /api/pool/{id}/`: the pool with short summaries of what it holds (not its sub-pools' contents). */
export const poolDetailSchema = poolSchema.extend({
  servers: z.array(poolServerSummarySchema).describe("The servers assigned to this pool, by name."),
  switches: z.array(poolSwitchSummarySchema).describe("The switches assigned to this pool, by name."),
});
export type PoolDetailDto = z.infer<typeof poolDetailSchema>;
