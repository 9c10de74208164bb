import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env";
import { rootSecret } from "../config";
import { deriveKey } from "./keys";

const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
// Binds each ciphertext to this use, so a blob sealed by some future feature with the same key cannot pass as a BMC password.
const ASSOCIATED_DATA = Buffer.from("rackpilot:bmc-credential-password");

export type SealedPassword = { ciphertext: Buffer; keyId: string };
export type StoredPassword = { passwordCiphertext: Buffer; keyId: string };

/** Raised when a stored password cannot be opened; the message names the key id, never any secret. */
export class CredentialDecryptionError extends Error {
  override name = "CredentialDecryptionError";
}

/** Stored with each row so decryption can pick the right key after the root secret rotates. */
export function credentialKeyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/**
 * The credentials key of a previous root secret. keys.ts derives only from the current secret, so this
 * repeats its HKDF parameters; a unit test pins the two derivations together.
 */
export function credentialKeyFromSecret(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "rackpilot", "credentials", 32));
}

// Every BMC login opens a password: the keys are derived once per value of the secrets.
const keyrings = new Map<string, Map<string, Buffer>>();

/** The current key, then one per secret in RACKPILOT_PREVIOUS_SECRETS (comma-separated), by key id. */
function keyring(): Map<string, Buffer> {
  const secrets = `${rootSecret()}\n${process.env.RACKPILOT_PREVIOUS_SECRETS ?? ""}`;
  let ring = keyrings.get(secrets);
  if (!ring) {
    const keys = [deriveKey("credentials"), ...env("RACKPILOT_PREVIOUS_SECRETS").map(credentialKeyFromSecret)];
    keyrings.clear();
    keyrings.set(secrets, (ring = new Map(keys.map((key) => [credentialKeyId(key), key]))));
  }
  return ring;
}

/** AES-256-GCM under the current credentials key: version byte, 12-byte IV, 16-byte tag, then the ciphertext. */
export function encryptCredentialPassword(plain: string): SealedPassword {
  const key = deriveKey("credentials");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(ASSOCIATED_DATA);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return { ciphertext: Buffer.concat([Buffer.of(FORMAT_VERSION), iv, cipher.getAuthTag(), body]), keyId: credentialKeyId(key) };
}

export function decryptCredentialPassword(row: StoredPassword): string {
  const key = keyring().get(row.keyId);
  if (!key) {
    throw new CredentialDecryptionError(
      `No credentials key with id ${row.keyId}: if the root secret was rotated, list the old one in RACKPILOT_PREVIOUS_SECRETS.`,
    );
  }
  const data = row.passwordCiphertext;
  if (data.length < HEADER_BYTES || data[0] !== FORMAT_VERSION) throw new CredentialDecryptionError("Unrecognised credential ciphertext format.");
  const decipher = createDecipheriv("aes-256-gcm", key, data.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(ASSOCIATED_DATA);
  decipher.setAuthTag(data.subarray(1 + IV_BYTES, HEADER_BYTES));
  try {
    return Buffer.concat([decipher.update(data.subarray(HEADER_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new CredentialDecryptionError(`Credential ciphertext (key ${row.keyId}) failed authentication: it was corrupted or tampered with.`);
  }
}
