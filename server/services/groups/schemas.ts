import { z } from "~/server/lib/zod";

export const groupSchema = z.object({
  id: z.number().int(),
  name: z.string().describe("Unique. Pools, and through them servers, belong to one group."),
});
export type GroupDto = z.infer<typeof groupSchema>;

export const groupWriteSchema = z.object({ name: z.string().trim().min(1).max(150) });
export const groupPatchSchema = groupWriteSchema.partial();
export type GroupWriteInput = z.infer<typeof groupWriteSchema>;
export type GroupPatchInput = z.infer<typeof groupPatchSchema>;
