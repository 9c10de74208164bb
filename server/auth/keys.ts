import { hkdfSync } from "node:crypto";
import { rootSecret } from "../config";

/** One independent key per purpose, derived from the root secret, so no two features share key material. */
export function deriveKey(purpose: "jwt" | "next-auth" | "credentials", length = 32): Buffer {
  return Buffer.from(hkdfSync("sha256", rootSecret(), "rackpilot", purpose, length));
}
