import { BMC_PROTOCOLS } from "~/db/schema/choices";
import { z } from "~/server/lib/zod";

export { BMC_PROTOCOLS };

export const authProfileSchema = z.object({
  id: z.number().int(),
  node_classification: z.string().describe('The profile\'s name, e.g. "Dell Servers - DC1".'),
  bmc: z.enum(BMC_PROTOCOLS).describe("How registration talks to the BMC."),
  credentials_count: z.number().int().describe("Number of credential pairs registration will try, in order."),
  created_at: z.string().describe("ISO 8601, UTC."),
  updated_at: z.string().describe("ISO 8601, UTC."),
});
export type AuthProfileDto = z.infer<typeof authProfileSchema>;

export const authProfileCreateSchema = z.object({
  node_classification: z.string().trim().min(1).max(256).describe('The profile\'s name, e.g. "Dell Servers - DC1".'),
  bmc: z.enum(BMC_PROTOCOLS).optional().describe('Default "redfish".'),
});
export type AuthProfileCreateInput = z.infer<typeof authProfileCreateSchema>;

/** PUT demands node_classification; PATCH nothing. Either way only the sent fields change. */
export const authProfileReplaceSchema = authProfileCreateSchema;
export type AuthProfileUpdateInput = Partial<AuthProfileCreateInput> & { id: number };

/** A credential as it reads back: the password is write-only and has no field here. */
export const credentialSchema = z.object({
  id: z.number().int(),
  username: z.string().describe("BMC user name."),
  created_at: z.string().describe("ISO 8601, UTC."),
});
export type CredentialDto = z.infer<typeof credentialSchema>;

const profileId = z.number().int().describe("Id of the authentication profile.");

export const credentialCreateSchema = z.object({
  id: profileId,
  username: z.string().trim().min(1).max(256).describe("BMC user name."),
  // Not trimmed: leading or trailing spaces in a BMC password are part of it.
  password: z.string().min(1).max(256).describe("Write-only: stored encrypted (AES-256-GCM), never returned.").meta({ writeOnly: true }),
});
export type CredentialCreateInput = z.infer<typeof credentialCreateSchema>;

export const credentialPathSchema = z.object({
  id: profileId,
  credential_id: z.number().int().describe("Id of the credential."),
});
