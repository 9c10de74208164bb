import type { ClientOptions } from "../client";
import { sha256OfPem } from "./fleet";
import type { MockupServer } from "./mockup-server";

/** Client options for a mockup server: its certificate pinned, its account as credential 1. */
export function clientOptionsForMockup(server: MockupServer, extra: Partial<ClientOptions> = {}): ClientOptions {
  return {
    ...server.endpoint,
    tls: { pinnedSha256: sha256OfPem(server.certificate) },
    credentials: [{ id: 1, username: server.username, password: server.password }],
    timeoutMs: 5000,
    retryPolicy: { baseDelayMs: 10, maxDelayMs: 50 },
    ...extra,
  };
}
