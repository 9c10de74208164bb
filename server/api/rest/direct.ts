import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { SECURITY_HEADERS } from "~/security-headers.mjs";
import { answerApiRequest, JsonAnswer } from "./handler";

// Next's own routes under /api/: the dashboard's tRPC endpoint and next-auth.
const NEXT_API_ROUTES = /^\/api\/(trpc|auth)(\/|\?|$)/;

/**
 * Whether a request is for the REST API, which the production server answers itself: Next's
 * app-route machinery (routing, request adaptation, tracing) cost more per request than the REST
 * handler's own work, and the handler needs none of it.
 */
export function isRestRequest(url: string | undefined): boolean {
  return url?.startsWith("/api/") === true && !NEXT_API_ROUTES.test(url);
}

function fetchHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/** Serves one REST request with the handler Next's catch-all route calls; bodies stream both ways. */
export async function serveRestRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, {
    method: req.method,
    headers: fetchHeaders(req.headers),
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
  const response = await answerApiRequest(request);
  res.statusCode = response.status;
  for (const header of SECURITY_HEADERS) res.setHeader(header.key, header.value);
  if (response instanceof JsonAnswer) {
    for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
    res.end(response.text ?? undefined);
    return;
  }
  for (const [name, value] of response.headers) res.setHeader(name, value);
  if (!response.body) res.end();
  // JSON answers are small: sent whole, which costs less than piping a web stream. Files stream.
  else if (response.headers.get("content-type")?.startsWith("application/json")) res.end(Buffer.from(await response.arrayBuffer()));
  else await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), res);
}
