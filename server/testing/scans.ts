import { createHash, X509Certificate } from "node:crypto";
import type { TestApi } from "./api-server";

/** SHA-256 (hex) of a PEM certificate, as the Redfish probe reports it. */
export const certificateSha256 = (pem: string) => createHash("sha256").update(new X509Certificate(pem).raw).digest("hex");

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the scan range leaves `scanning`, and answers it. */
export function scanEnded(api: TestApi, token: string, rangeId: number, timeoutMs = 20_000) {
  return eventually(
    async () => {
      const { body } = await api.request("GET", `/api/node_discovery/scan_range/${rangeId}/`, { token });
      return body.status === "scanning" ? undefined : body;
    },
    timeoutMs,
    `scan range ${rangeId} to end its scan`,
  );
}
