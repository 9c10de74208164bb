import { pkList } from "~/server/lib/fields";
import { z } from "~/server/lib/zod";

/** Key order as MOJO prints a baseline. */
export const firmwareBaselineSchema = z.object({
  id: z.number().int(),
  firmware_binaries: z.array(z.number().int()).describe("Ids of the firmware binaries that define the desired state."),
  created_by: z.number().int().nullable().describe("Id of the user who created the baseline. Read-only."),
  name: z.string().describe("Unique."),
  description: z.string(),
  created_at: z.string().describe("ISO 8601, UTC."),
  updated_at: z.string().describe("ISO 8601, UTC."),
});
export type FirmwareBaselineDto = z.infer<typeof firmwareBaselineSchema>;

export const baselineCreateSchema = z.object({
  name: z.string().trim().min(1).max(256).describe("Unique baseline name (max 256 characters)."),
  description: z.string().trim().optional().describe("Free-text description."),
  firmware_binaries: pkList().optional().describe("Firmware binary ids. Setting it replaces the whole set."),
});
export type BaselineCreateInput = z.infer<typeof baselineCreateSchema>;
export type BaselineUpdateInput = Partial<BaselineCreateInput>;
