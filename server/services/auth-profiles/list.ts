import { authProfiles, type AuthProfileRow } from "~/db/schema";
import type { ServiceContext } from "../context";
import { mapPage, runList, type ListConfig, type ListQuery } from "../list";
import { toAuthProfileDtos } from "./dto";
import { BMC_PROTOCOLS } from "./schemas";

export const authProfileListConfig: ListConfig = {
  table: authProfiles,
  primaryKey: authProfiles.id,
  searchFields: [authProfiles.nodeClassification],
  filters: { bmc: { kind: "choice", column: authProfiles.bmc, choices: BMC_PROTOCOLS } },
  ordering: {
    id: authProfiles.id,
    node_classification: authProfiles.nodeClassification,
    bmc: authProfiles.bmc,
    created_at: authProfiles.createdAt,
    updated_at: authProfiles.updatedAt,
  },
  defaultOrdering: ["node_classification"],
};

/** Every signed-in user may read profiles (registering a node names one); only staff change them. */
export async function listAuthProfiles({ ctx, input }: { ctx: ServiceContext; input: ListQuery }) {
  const page = await runList<AuthProfileRow>(authProfileListConfig, input, { db: ctx.db, requestUrl: ctx.requestUrl });
  return mapPage(page, (rows) => toAuthProfileDtos(ctx.db, rows));
}
