import { pk, pkList } from "~/server/lib/fields";
import { z } from "~/server/lib/zod";
import { MAX_IDS_PER_CALL } from "../servers/schemas";

export const switchSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  serial_number: z.string(),
  management_ip: z.string().nullable().describe("Address of the switch's management interface, null when unknown."),
  port_count: z.number().int().nullable().describe("Number of front-panel ports, null when unknown."),
  resource_pool: z.number().int().nullable().describe("Id of the pool the switch is assigned to, null when unassigned."),
  created_at: z.string().describe("ISO 8601, UTC."),
  updated_at: z.string().describe("ISO 8601, UTC."),
});
export type SwitchDto = z.infer<typeof switchSchema>;

const text = (max: number, description: string) => z.string().trim().max(max).optional().describe(description);

export const switchCreateSchema = z.object({
  name: z.string().trim().min(1).max(256),
  manufacturer: text(128, 'Default "".'),
  model: text(256, 'Default "".'),
  serial_number: text(256, 'Default "".'),
  management_ip: z.union([z.ipv4(), z.ipv6()]).nullable().optional().describe("An IPv4 or IPv6 address, or null (the default)."),
  port_count: z.number().int().min(0).max(100_000).nullable().optional().describe("Default null."),
  resource_pool: pk().nullable().optional().describe("Id of a pool, or null (the default)."),
});
export type SwitchCreateInput = z.infer<typeof switchCreateSchema>;

/** PUT demands `name` and resets every other field it omits to the default, as for servers; PATCH changes the sent fields. */
export const switchReplaceSchema = switchCreateSchema;
export type SwitchUpdateInput = Partial<SwitchCreateInput> & { id: number };

export const SWITCH_DEFAULTS = { manufacturer: "", model: "", serial_number: "", management_ip: null, port_count: null, resource_pool: null };

export const switchIdsInput = z.object({
  switches: pkList({ max: MAX_IDS_PER_CALL }).describe(`Switch ids, at most ${MAX_IDS_PER_CALL}.`),
});
