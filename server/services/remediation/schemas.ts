import { z } from "zod";
import { FIRMWARE_TYPES, REQUEST_STATUSES, REQUEST_STEP_STATUSES } from "~/db/schema/choices";

/** What a remediation request asks, as the API resolved it (servers already picked from a pool). */
export const remediationTargetSchema = z.object({
  type: z.enum(["firmware_baseline_update", "firmware_update"]),
  /** firmware_baseline_update: the baseline whose binaries apply. */
  baselineId: z.number().int().positive().optional(),
  /** firmware_update: the binaries to apply. */
  firmwareIds: z.array(z.number().int().positive()).optional(),
  serverIds: z.array(z.number().int().positive()),
  /** Apply every compatible binary, compliant or not. */
  forceReinstall: z.boolean(),
  /** Passed to the BMC as `ForceUpdate` (bypass its update policies). */
  forceUpdates: z.boolean(),
  /** immediate: restart the host when a component needs it; on_reset: stage and wait for the operator's restart. */
  applyTime: z.enum(["immediate", "on_reset"]),
});
export type RemediationTarget = z.infer<typeof remediationTargetSchema>;

export const componentPlanSchema = z.object({
  firmware_id: z.number().int(),
  firmware_type: z.enum(FIRMWARE_TYPES),
  /** The binary's name. */
  name: z.string(),
  /** The version the inventory shows now (null: unknown). */
  from_version: z.string().nullable(),
  to_version: z.string(),
  /** The step names, in the order they run (see steps.ts). */
  steps: z.array(z.string()),
});
export type ComponentPlan = z.infer<typeof componentPlanSchema>;

export const serverPlanSchema = z.object({
  server_id: z.number().int(),
  server_name: z.string(),
  /** At least one binary fits the server's vendor and model (false: the request cannot target it). */
  compatible: z.boolean(),
  /** In the order they are updated; [] = nothing to do. */
  components: z.array(componentPlanSchema),
});
export type ServerPlan = z.infer<typeof serverPlanSchema>;

export const requestProgressSchema = z.object({
  servers_total: z.number().int(),
  /** Servers whose part is over, whatever its outcome (failed and cancelled included). */
  servers_done: z.number().int(),
  servers_failed: z.number().int(),
  /** servers_done / servers_total, 0-100, rounded down (100 only when every server is done). */
  percent: z.number().int(),
});
export type RequestProgress = z.infer<typeof requestProgressSchema>;

export const stepDtoSchema = z.object({
  /** `compliance_check`, `log_versions`, `<firmware type>:<step>` (e.g. `bios:send_update`), `log_new_versions`. */
  name: z.string(),
  status: z.enum(REQUEST_STEP_STATUSES),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  message: z.string(),
});
export type StepDto = z.infer<typeof stepDtoSchema>;

const versionsSchema = z.record(z.string(), z.string().nullable());

export const serverStepsSchema = z.object({
  status: z.enum(REQUEST_STATUSES),
  message: z.string(),
  steps: z.array(stepDtoSchema),
  /** Audit log: each planned component's version as its BMC reported it before and after (keys: firmware types). */
  versions: z.object({ before: versionsSchema, after: versionsSchema }),
});
export type ServerSteps = z.infer<typeof serverStepsSchema>;
