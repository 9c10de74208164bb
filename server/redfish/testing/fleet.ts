import { createHash, X509Certificate } from "node:crypto";
import type { BmcHandle, Fleet } from "~/simulator";
import type { ClientOptions } from "../client";
import type { Credential } from "../session";

export function sha256OfPem(pem: string): string {
  return createHash("sha256").update(new X509Certificate(pem).raw).digest("hex");
}

export const wrongCredential: Credential = { id: "wrong", username: "root", password: "not-the-password" };

/** Client options for a simulated BMC: its fleet certificate pinned, its own account as credential `right`. */
export function clientOptionsFor(fleet: Fleet, bmc: BmcHandle, extra: Partial<ClientOptions> = {}): ClientOptions {
  return {
    host: bmc.address,
    port: bmc.port,
    tls: { pinnedSha256: sha256OfPem(fleet.certificate!) },
    credentials: [{ id: "right", username: bmc.username, password: bmc.password }],
    timeoutMs: 5000,
    retryPolicy: { baseDelayMs: 20, maxDelayMs: 100 },
    ...extra,
  };
}
