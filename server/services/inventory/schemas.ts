import { pk } from "~/server/lib/fields";
import { z } from "~/server/lib/zod";

export const registerNodeInputSchema = z.object({
  id: z.number().int().describe("A unique integer value identifying this node."),
  auth_profile: pk().describe("Id of the auth profile whose credentials are tried, in order, until the BMC accepts one."),
});
export type RegisterNodeInput = z.infer<typeof registerNodeInputSchema>;
