import { z } from "zod";
import type { RequestRow } from "~/db/schema";
import { remediationSettings } from "./settings";
import type { RemediationTarget } from "./schemas";

/** The request's `data` as the API stores it (seed fields plus Rackpilot's extensions); unknown keys are ignored. */
const requestDataSchema = z.object({
  baseline: z.number().int().optional(),
  firmware: z.union([z.number().int(), z.array(z.number().int())]).optional(),
  force_reinstall: z.boolean().optional(),
  force_updates: z.boolean().optional(),
  apply_time: z.enum(["immediate", "on_reset"]).optional(),
  max_parallel: z.number().int().positive().nullish(),
  stop_after_failures: z.number().int().positive().nullish(),
});

export type RunOptions = {
  /** Servers at work at once. */
  maxParallel: number;
  /** Start no new server once this many failed; null: never stop. */
  stopAfterFailures: number | null;
};

/** What the request asks of its servers (the seed's defaults: force_reinstall true for firmware_update, false otherwise). */
export function targetOf(request: Pick<RequestRow, "type" | "data">, serverIds: number[]): RemediationTarget & RunOptions {
  const data = requestDataSchema.parse(request.data);
  const type = request.type === "firmware_update" ? "firmware_update" : "firmware_baseline_update";
  return {
    type,
    baselineId: data.baseline,
    firmwareIds: data.firmware === undefined ? undefined : [data.firmware].flat(),
    serverIds,
    forceReinstall: data.force_reinstall ?? type === "firmware_update",
    forceUpdates: data.force_updates ?? false,
    applyTime: data.apply_time ?? "immediate",
    maxParallel: data.max_parallel ?? remediationSettings.maxParallel,
    stopAfterFailures: data.stop_after_failures ?? null,
  };
}
