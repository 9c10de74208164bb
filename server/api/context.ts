import { getDb } from "~/db/client";
import { authenticateBearer } from "../services/auth/actor";
import { AuthenticationError } from "../services/errors";
import type { Context } from "./trpc";

/** Set by our HTTP server from the socket, overwriting anything a client sent. */
export const CLIENT_ADDRESS_HEADER = "x-rackpilot-client-address";

export function clientAddress(headers: Headers): string {
  if (process.env.RACKPILOT_TRUST_PROXY === "true") {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

/** DRF's request.build_absolute_uri(): scheme and Host as the client used them. */
export function absoluteRequestUrl(request: Request): string {
  const url = new URL(request.url);
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? url.protocol.replace(":", "");
  const host = request.headers.get("host") ?? url.host;
  return `${proto}://${host}${url.pathname}${url.search}`;
}

/**
 * The context for a request authenticated by `Authorization: Bearer` (the REST API, scripts). Public
 * operations (SimpleJWT's token views) pass `authenticate: false` and never look at the header.
 */
export async function createBearerContext(request: Request, { authenticate = true } = {}): Promise<Context> {
  const db = getDb();
  const result = authenticate ? await authenticateBearer(db, request.headers.get("authorization")) : null;
  return {
    db,
    actor: result instanceof AuthenticationError ? null : result,
    authError: result instanceof AuthenticationError ? result : null,
    client: clientAddress(request.headers),
    requestUrl: absoluteRequestUrl(request),
  };
}
