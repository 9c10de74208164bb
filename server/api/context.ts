import type { IncomingHttpHeaders } from "node:http";
import { getDb } from "~/db/client";
import { env } from "../env";
import { authenticateBearer } from "../services/auth/actor";
import { AuthenticationError } from "../services/errors";
import type { Context } from "./trpc";

/** Set by our HTTP server from the socket, overwriting anything a client sent. */
export const CLIENT_ADDRESS_HEADER = "x-rackpilot-client-address";

const FORWARDED_HOST_AND_SCHEME = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];

/**
 * What our HTTP server does to every request before Next sees it: the socket's address goes in the
 * client-address header, and unless a proxy is trusted the forwarded host and scheme headers are
 * dropped, so neither next-auth (which must take its origin from the request) nor DRF-style absolute
 * URLs ever read a value the client made up. Behind a trusted proxy, the proxy sets them.
 */
export function acceptIncomingHeaders(headers: IncomingHttpHeaders, socketAddress: string | undefined): void {
  headers[CLIENT_ADDRESS_HEADER] = socketAddress ?? "unknown";
  if (!env("RACKPILOT_TRUST_PROXY")) for (const name of FORWARDED_HOST_AND_SCHEME) delete headers[name];
}

/**
 * The client's address: the socket's, or behind RACKPILOT_TRUST_PROXY=N proxies the address the
 * outermost trusted proxy appended to X-Forwarded-For (the Nth from the right). Entries further left
 * are whatever the client wrote and are never used.
 */
export function clientAddress(headers: Headers): string {
  const socket = headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
  const hops = env("RACKPILOT_TRUST_PROXY");
  if (!hops) return socket;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  return forwarded.at(-Math.min(hops, forwarded.length)) ?? socket;
}

/** DRF's request.build_absolute_uri(): scheme and Host as the client used them (X-Forwarded-Proto only from a trusted proxy). */
export function absoluteRequestUrl(request: Request): string {
  const url = new URL(request.url);
  const forwardedProto = env("RACKPILOT_TRUST_PROXY") ? request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  const proto = forwardedProto ?? url.protocol.replace(":", "");
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
