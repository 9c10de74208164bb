import { eq } from "drizzle-orm";
import { authCredentials } from "~/db/schema";
import type { ServiceContext } from "../context";
import { mapPage, runList, type ListConfig, type ListQuery } from "../list";
import { requireStaff } from "../permissions";
import { toCredentialDto } from "./dto";
import { findAuthProfileRow } from "./get";

export const credentialListConfig: ListConfig = {
  table: authCredentials,
  primaryKey: authCredentials.id,
  searchFields: [authCredentials.username],
  filters: {},
  ordering: { position: authCredentials.position, id: authCredentials.id, username: authCredentials.username, created_at: authCredentials.createdAt },
  // The order registration tries them in.
  defaultOrdering: ["position"],
};

/** Staff only, like every other use of BMC credentials (usernames included). */
export async function listCredentials({ ctx, input }: { ctx: ServiceContext; input: ListQuery & { id: number } }) {
  requireStaff(ctx);
  const profile = await findAuthProfileRow(ctx, input.id);
  const page = await runList<typeof authCredentials.$inferSelect>(credentialListConfig, input, {
    db: ctx.db,
    scope: eq(authCredentials.authProfileId, profile.id),
    requestUrl: ctx.requestUrl,
  });
  return mapPage(page, (rows) => rows.map(toCredentialDto));
}
