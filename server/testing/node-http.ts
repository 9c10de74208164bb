import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { acceptIncomingHeaders } from "../api/context";

/**
 * A Node request as a fetch Request whose body streams from the socket (as Next hands it to route
 * handlers), with the socket's address in the trusted client-address header.
 */
export function toFetchRequest(req: IncomingMessage): Request {
  acceptIncomingHeaders(req.headers, req.socket.remoteAddress);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? bodyStream(req) : undefined,
    duplex: "half",
  } as RequestInit);
}

/** The request body as a web stream; once the reader cancels, the rest is discarded as it arrives. */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        if (cancelled) return;
        controller.enqueue(new Uint8Array(chunk));
        if ((controller.desiredSize ?? 1) <= 0) req.pause();
      });
      req.on("end", () => cancelled || controller.close());
      req.on("error", (error) => cancelled || controller.error(error));
    },
    pull() {
      req.resume();
    },
    cancel() {
      cancelled = true;
      req.resume();
    },
  });
}

export async function sendFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.end(Buffer.from(await response.arrayBuffer()));
}

export type RawResponse = { status: number; headers: Headers; text: string };

/**
 * One HTTP request with node:http rather than fetch: it may set `Host` and bind the client side to
 * another loopback address (`localAddress`, e.g. 127.0.0.2), so tests can play a second client.
 */
export function httpRequest(
  url: string,
  options: { method: string; headers: Record<string, string>; body?: string; localAddress?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const headers = body ? { "content-length": String(body.length), ...options.headers } : options.headers;
    const request = http.request(url, { method: options.method, headers, localAddress: options.localAddress }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(", ") : value);
        }
        resolve({ status: response.statusCode!, headers: responseHeaders, text: Buffer.concat(chunks).toString("utf8") });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}
