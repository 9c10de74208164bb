import { authProfiles } from "~/db/schema";
import type { ServiceContext } from "../context";
import { requireStaff } from "../permissions";
import { toAuthProfileDto } from "./dto";
import type { AuthProfileCreateInput } from "./schemas";

export async function createAuthProfile({ ctx, input }: { ctx: ServiceContext; input: AuthProfileCreateInput }) {
  requireStaff(ctx);
  const [row] = await ctx.db
    .insert(authProfiles)
    .values({ nodeClassification: input.node_classification, bmc: input.bmc ?? "redfish" })
    .returning();
  return toAuthProfileDto(ctx.db, row!);
}
