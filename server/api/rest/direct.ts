import { createReadStream } from "node:fs";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { SECURITY_HEADERS } from "~/security-headers.mjs";
import { answerApiRequest, JsonAnswer } from "./handler";
import { storedFileAnswer, storedFileOf } from "./stored-files";

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

/**
 * A GET or HEAD of a stored file that is there, sent from the file with Node's streams: BMCs pull every image of a
 * remediation, and a web Request, Response and stream around each pull nearly doubled its CPU. False for anything
 * else (a missing file, another method), which the REST handler answers.
 */
export async function sendStoredFile(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const pathname = (req.url ?? "").split("?")[0]!;
  if ((req.method !== "GET" && req.method !== "HEAD") || !pathname.startsWith("/api/")) return false;
  const file = storedFileOf(pathname.slice("/api".length));
  const answer = file && (await storedFileAnswer(req.method, file, req.headers.range));
  if (!answer) return false;
  for (const header of SECURITY_HEADERS) res.setHeader(header.key, header.value);
  res.writeHead(answer.status, answer.headers);
  if (!answer.body) {
    res.end();
    return true;
  }
  // Piped, not `pipeline`d: a client that closes the connection as the last byte arrives (the simulated BMCs do) is no error.
  const source = createReadStream(answer.body.location, answer.body.range ?? {});
  source.on("error", () => res.destroy());
  source.pipe(res);
  return true;
}

/** Serves one REST request with the handler Next's catch-all route calls; bodies stream both ways. */
export async function serveRestRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (await sendStoredFile(req, res)) return;
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
