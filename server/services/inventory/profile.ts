import { findProfileWithCredentials, type ProfileWithCredentials, type RegistrationCredential } from "../auth-profiles";
import { invalidPkError } from "~/server/lib/fields";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";

/** An auth profile with its credentials in plain text: for the BMC only, never a response or a log line. */
export type RegistrationProfile = ProfileWithCredentials;

/**
 * The profile a registration uses, read once (a bulk registration shares it among its nodes). An id
 * that names no profile, or a profile without credentials, is the body's fault: 400 on `auth_profile`.
 */
export async function loadRegistrationProfile(ctx: ServiceContext, profileId: number): Promise<RegistrationProfile> {
  const profile = await findProfileWithCredentials(ctx, profileId);
  if (!profile) throw invalidPkError("auth_profile", profileId);
  if (!profile.credentials.length) {
    throw ValidationError.field("auth_profile", `Auth profile "${profile.name}" (id ${profile.id}) has no credentials: add the BMC account first.`);
  }
  return profile;
}

/** The profile's credentials in order, the one this BMC accepted last first. */
export function credentialsInTryOrder(profile: RegistrationProfile, lastAccepted: number | null): RegistrationCredential[] {
  const winner = profile.credentials.find((credential) => credential.id === lastAccepted);
  return winner ? [winner, ...profile.credentials.filter((credential) => credential !== winner)] : profile.credentials;
}
