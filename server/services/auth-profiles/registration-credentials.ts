import { asc, eq } from "drizzle-orm";
import { authCredentials } from "~/db/schema";
import { decryptCredentialPassword } from "~/server/auth/credential-crypto";
import type { ServiceContext } from "../context";
import { requireStaff } from "../permissions";
import { findAuthProfileRow } from "./get";

/** `id` is the credential's: registration records which one the BMC accepted, so the next call starts with it. */
export type RegistrationCredential = { id: number; username: string; password: string };

/**
 * The profile's credentials in plain text, in the order registration must try them. For the system
 * (registration jobs) and staff only; the result must go to a BMC and nowhere else (no logs, no responses).
 */
export async function credentialsForRegistration(ctx: ServiceContext, profileId: number): Promise<RegistrationCredential[]> {
  requireStaff(ctx);
  const profile = await findAuthProfileRow(ctx, profileId);
  const rows = await ctx.db
    .select()
    .from(authCredentials)
    .where(eq(authCredentials.authProfileId, profile.id))
    .orderBy(asc(authCredentials.position), asc(authCredentials.id));
  return rows.map((row) => ({ id: row.id, username: row.username, password: decryptCredentialPassword(row) }));
}
