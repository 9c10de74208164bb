import { authProfiles } from "~/db/schema";
import { assertPksExist } from "~/server/lib/fields";
import { credentialsForRegistration, findAuthProfileRow, type RegistrationCredential } from "../auth-profiles";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";

/** An auth profile with its credentials in plain text: for the BMC only, never a response or a log line. */
export type RegistrationProfile = { id: number; name: string; credentials: RegistrationCredential[] };

/**
 * The profile a registration uses, read once (a bulk registration shares it among its nodes). An id
 * that names no profile, or a profile without credentials, is the body's fault: 400 on `auth_profile`.
 */
export async function loadRegistrationProfile(ctx: ServiceContext, profileId: number): Promise<RegistrationProfile> {
  await assertPksExist(ctx.db, authProfiles, authProfiles.id, "auth_profile", profileId);
  const profile = await findAuthProfileRow(ctx, profileId);
  const credentials = await credentialsForRegistration(ctx, profileId);
  if (!credentials.length) {
    throw ValidationError.field("auth_profile", `Auth profile "${profile.nodeClassification}" (id ${profile.id}) has no credentials: add the BMC account first.`);
  }
  return { id: profile.id, name: profile.nodeClassification, credentials };
}

/** The profile's credentials in order, the one this BMC accepted last first. */
export function credentialsInTryOrder(profile: RegistrationProfile, lastAccepted: number | null): RegistrationCredential[] {
  const winner = profile.credentials.find((credential) => credential.id === lastAccepted);
  return winner ? [winner, ...profile.credentials.filter((credential) => credential !== winner)] : profile.credentials;
}
