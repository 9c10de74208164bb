import { and, eq } from "drizzle-orm";
import { authCredentials } from "~/db/schema";
import { fitsInteger } from "~/server/lib/fields";
import type { ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { requireStaff } from "../permissions";
import { findAuthProfileRow } from "./get";

/** 404 when the credential does not belong to this profile. */
export async function deleteCredential({ ctx, input }: { ctx: ServiceContext; input: { id: number; credential_id: number } }): Promise<void> {
  requireStaff(ctx);
  const profile = await findAuthProfileRow(ctx, input.id);
  const deleted = fitsInteger(input.credential_id)
    ? await ctx.db
        .delete(authCredentials)
        .where(and(eq(authCredentials.id, input.credential_id), eq(authCredentials.authProfileId, profile.id)))
        .returning({ id: authCredentials.id })
    : [];
  if (!deleted.length) throw new NotFoundError("Credential");
}
