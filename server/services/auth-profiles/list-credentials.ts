import { eq } from "drizzle-orm";
import { authCredentials } from "~/db/schema";
import type { ServiceContext } from "../context";
import { mapPage, runList, type ListConfig, type ListQuery } from "../list";
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

export async function listCredentials({ ctx, input }: { ctx: ServiceContext; input: ListQuery & { id: number } }) {
  const profile = await findAuthProfileRow(ctx, input.id);
  const page = await runList<typeof authCredentials.$inferSelect>(credentialListConfig, input, {
    db: ctx.db,
    scope: eq(authCredentials.authProfileId, profile.id),
    requestUrl: ctx.requestUrl,
  });
  return mapPage(page, (rows) => rows.map(toCredentialDto));
}
