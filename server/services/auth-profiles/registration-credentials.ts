import { asc, eq, sql } from "drizzle-orm";
import { type DbExecutor, oncePerDatabase } from "~/db/client";
import { authCredentials, authProfiles } from "~/db/schema";
import { decryptCredentialPassword } from "~/server/auth/credential-crypto";
import { fitsInteger } from "~/server/lib/fields";
import type { ServiceContext } from "../context";
import { requireStaff } from "../permissions";

/** `id` is the credential's: registration records which one the BMC accepted, so the next call starts with it. */
export type RegistrationCredential = { id: number; username: string; password: string };

/** A profile as a registration (or a remediation's login) uses it: its name and its credentials in try order. */
export type ProfileWithCredentials = { id: number; name: string; credentials: RegistrationCredential[] };

// Every remediated server's login reads it: one statement, built and prepared once per database handle.
const profileReadOf = oncePerDatabase((db: DbExecutor) =>
  db
    .select({
      id: authProfiles.id,
      name: authProfiles.nodeClassification,
      credential: { id: authCredentials.id, username: authCredentials.username, passwordCiphertext: authCredentials.passwordCiphertext, keyId: authCredentials.keyId },
    })
    .from(authProfiles)
    .leftJoin(authCredentials, eq(authCredentials.authProfileId, authProfiles.id))
    .where(eq(authProfiles.id, sql.placeholder("id")))
    .orderBy(asc(authCredentials.position), asc(authCredentials.id))
    .prepare("registration_profile"),
);

/**
 * The profile with its credentials in plain text, in the order registration must try them; undefined when no
 * profile has this id. For the system (registration and remediation jobs) and staff only; the result must go to a
 * BMC and nowhere else (no logs, no responses).
 */
export async function findProfileWithCredentials(ctx: ServiceContext, profileId: number): Promise<ProfileWithCredentials | undefined> {
  requireStaff(ctx);
  if (!fitsInteger(profileId)) return undefined;
  const rows = await profileReadOf(ctx.db).execute({ id: profileId });
  if (!rows.length) return undefined;
  const credentials = rows.flatMap(({ credential }) => (credential ? [{ id: credential.id, username: credential.username, password: decryptCredentialPassword(credential) }] : []));
  return { id: rows[0]!.id, name: rows[0]!.name, credentials };
}
