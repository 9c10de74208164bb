import { REQUEST_STATUSES } from "~/db/schema/choices";
import { pk, pkList } from "~/server/lib/fields";
import { z } from "~/server/lib/zod";
import { requestProgressSchema, serverPlanSchema, serverStepsSchema } from "../remediation/schemas";

/** What a request asks of the fleet: a whole baseline, or one binary. */
export const REQUEST_TYPES = ["firmware_baseline_update", "firmware_update"] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const APPLY_TIMES = ["immediate", "on_reset"] as const;

/** Servers one request may name: the same bound as the other bulk server endpoints. */
export const MAX_SERVERS_PER_REQUEST = 10_000;
export const MAX_PARALLEL_LIMIT = 1_000;

/** Rackpilot's extensions, the same on both request types. */
const options = {
  max_parallel: z
    .number()
    .int()
    .min(1)
    .max(MAX_PARALLEL_LIMIT)
    .optional()
    .describe(`Servers updated at once (1-${MAX_PARALLEL_LIMIT}); default the setting RACKPILOT_REMEDIATION_MAX_PARALLEL.`),
  dry_run: z.boolean().default(false).describe("true: answer with the plan (per server, the components and the steps it would run) and run nothing."),
  stop_after_failures: z
    .number()
    .int()
    .min(1)
    .nullable()
    .optional()
    .describe("Start no new server once this many servers have failed (servers already at work finish). Default: never stop."),
  apply_time: z
    .enum(APPLY_TIMES)
    .default("immediate")
    .describe(
      '"immediate" (default): restart the host when a component needs it. "on_reset": stage the update and leave the restart to the operator; the step waits in `waiting_for_reset` until the new version shows.',
    ),
  force_updates: z
    .boolean()
    .default(false)
    .describe("Passed on to the BMC (Redfish `ForceUpdate`): update even if the BMC reports the version as current. Default false."),
};

export const baselineUpdateDataSchema = z.object({
  baseline: pk().describe("Firmware baseline id."),
  servers: pkList({ max: MAX_SERVERS_PER_REQUEST })
    .optional()
    .describe("Server ids to remediate (give this or `pool`). A protected server named here is refused."),
  pool: pk().nullable().optional().describe("Resource pool id: every unprotected server in it and its sub-pools that the baseline applies to."),
  force_reinstall: z.boolean().default(false).describe("Apply every compatible binary whatever the compliance. Default false."),
  ...options,
});

export const firmwareUpdateDataSchema = z.object({
  servers: pkList({ max: MAX_SERVERS_PER_REQUEST }).describe("Server ids."),
  firmware: pk().describe("Firmware binary id."),
  force_reinstall: z.boolean().default(true).describe("Reinstall even if the server already runs this version. Default true."),
  ...options,
});

export const baselineUpdateInputSchema = z.object({ data: baselineUpdateDataSchema });
export const firmwareUpdateInputSchema = z.object({ data: firmwareUpdateDataSchema });
export type BaselineUpdateData = z.infer<typeof baselineUpdateDataSchema>;
export type FirmwareUpdateData = z.infer<typeof firmwareUpdateDataSchema>;

const iso = (what: string) => z.string().nullable().describe(`${what} (ISO 8601, UTC); null until then.`);

export const requestSchema = z.object({
  id: z.number().int(),
  type: z.enum(REQUEST_TYPES),
  status: z.enum(REQUEST_STATUSES).describe('"pending" (queued), "running", then "succeeded", "failed", "partially_failed" or "cancelled".'),
  data: z.record(z.string(), z.unknown()).describe("The request as sent, with every default filled in."),
  created_by: z.number().int().nullable().describe("Id of the user who asked."),
  cancel_requested: z.boolean().describe("A cancel was asked: nothing new starts; flashes a BMC already accepted finish."),
  created_at: z.string().describe("ISO 8601, UTC."),
  updated_at: z.string().describe("ISO 8601, UTC."),
  started_at: iso("When the first server started"),
  finished_at: iso("When the request ended"),
  progress: requestProgressSchema.describe("Over the servers of the request you can see (staff: all)."),
});
export type RequestDto = z.infer<typeof requestSchema>;

export const requestServerSchema = z.object({ server: z.number().int(), server_name: z.string() }).extend(serverStepsSchema.shape);

export const requestDetailSchema = requestSchema.extend({
  servers: z.array(requestServerSchema).describe("The request's servers you can see, each with its steps in order."),
});
export type RequestDetailDto = z.infer<typeof requestDetailSchema>;

export const dryRunSchema = z.object({
  dry_run: z.literal(true),
  type: z.enum(REQUEST_TYPES),
  data: z.record(z.string(), z.unknown()).describe("The request as it would be stored."),
  servers: z.array(serverPlanSchema.omit({ compatible: true })).describe("The plan per targeted server; nothing is created or run."),
});
export type DryRunDto = z.infer<typeof dryRunSchema>;

/** A create answers the request (201), or with `dry_run` the plan (also 201, nothing created: as Kubernetes' dry run answers). */
export const createRequestOutputSchema = z.union([requestDetailSchema, dryRunSchema]);
