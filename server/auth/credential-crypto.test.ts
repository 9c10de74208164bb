import { afterEach, describe, expect, it } from "vitest";
import {
  CredentialDecryptionError,
  credentialKeyFromSecret,
  credentialKeyId,
  decryptCredentialPassword,
  encryptCredentialPassword,
  type SealedPassword,
} from "./credential-crypto";
import { deriveKey } from "./keys";

const originalSecret = process.env.RACKPILOT_SECRET;
afterEach(() => {
  process.env.RACKPILOT_SECRET = originalSecret;
  delete process.env.RACKPILOT_PREVIOUS_SECRETS;
});

const stored = (sealed: SealedPassword) => ({ passwordCiphertext: sealed.ciphertext, keyId: sealed.keyId });

function flipByte(buffer: Buffer, index: number): Buffer {
  const copy = Buffer.from(buffer);
  copy[index] = copy[index]! ^ 0x01;
  return copy;
}

describe("credential password encryption", () => {
  it("round-trips, with a fresh IV each time and no plaintext in the ciphertext", () => {
    const password = "calvin-Sup3r-s3cret pass";
    const first = encryptCredentialPassword(password);
    const second = encryptCredentialPassword(password);
    expect(decryptCredentialPassword(stored(first))).toBe(password);
    expect(decryptCredentialPassword(stored(second))).toBe(password);
    expect(first.ciphertext.equals(second.ciphertext)).toBe(false);
    expect(first.ciphertext.includes(Buffer.from(password))).toBe(false);
    expect(first.ciphertext.toString("latin1")).not.toContain("calvin");
  });

  it("round-trips unicode and significant whitespace", () => {
    for (const password of [" leading space", "pässwörd-✓", "x"]) {
      expect(decryptCredentialPassword(stored(encryptCredentialPassword(password)))).toBe(password);
    }
  });

  it("labels each ciphertext with the first 8 hex characters of sha256(key)", () => {
    const sealed = encryptCredentialPassword("pw");
    expect(sealed.keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(sealed.keyId).toBe(credentialKeyId(deriveKey("credentials")));
  });

  it("derives previous-secret keys exactly as keys.ts derives the current one", () => {
    expect(credentialKeyFromSecret(process.env.RACKPILOT_SECRET!).equals(deriveKey("credentials"))).toBe(true);
  });

  it("rejects a ciphertext tampered with anywhere (IV, tag or body)", () => {
    const sealed = encryptCredentialPassword("do-not-forge");
    for (const index of [1, 13, 29, sealed.ciphertext.length - 1]) {
      expect(() => decryptCredentialPassword({ passwordCiphertext: flipByte(sealed.ciphertext, index), keyId: sealed.keyId })).toThrow(
        CredentialDecryptionError,
      );
    }
    expect(() => decryptCredentialPassword({ passwordCiphertext: sealed.ciphertext.subarray(0, 20), keyId: sealed.keyId })).toThrow(
      /format/,
    );
  });

  it("names the unknown key id and never the password when no key matches", () => {
    const sealed = encryptCredentialPassword("hunter2-secret");
    const attempt = () => decryptCredentialPassword({ passwordCiphertext: sealed.ciphertext, keyId: "00000000" });
    expect(attempt).toThrow(/00000000.*RACKPILOT_PREVIOUS_SECRETS/);
    expect(attempt).not.toThrow(/hunter2/);
  });

  it("decrypts rows sealed under a rotated-out secret listed in RACKPILOT_PREVIOUS_SECRETS", () => {
    process.env.RACKPILOT_SECRET = "old-root-secret-for-rotation-test";
    const sealedUnderOld = encryptCredentialPassword("rotated-password");
    process.env.RACKPILOT_SECRET = "new-root-secret-for-rotation-test";
    expect(() => decryptCredentialPassword(stored(sealedUnderOld))).toThrow(CredentialDecryptionError);
    process.env.RACKPILOT_PREVIOUS_SECRETS = " unrelated-secret , old-root-secret-for-rotation-test";
    expect(decryptCredentialPassword(stored(sealedUnderOld))).toBe("rotated-password");
    const sealedUnderNew = encryptCredentialPassword("fresh");
    expect(sealedUnderNew.keyId).not.toBe(sealedUnderOld.keyId);
    expect(decryptCredentialPassword(stored(sealedUnderNew))).toBe("fresh");
  });
});
