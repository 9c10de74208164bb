import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import type { Bmc } from "../bmc/bmc";
import { routerFor } from "../resources";
import { authenticate } from "./auth";
import { redfishError } from "./errors";
import { bodyHash, queryOptions } from "./query";
import type { Reply, RequestContext } from "./reply";

/** Large enough for any simulated image pushed (they are a few KiB unless a test makes them bigger). */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

interface Incoming {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  rawBody: Buffer;
}

/** Bodies that are not JSON: pushed images, raw or multipart. */
const isUpload = (headers: IncomingHttpHeaders) => /^(multipart\/|application\/octet-stream)/i.test(headers["content-type"] ?? "");

/** One request to one BMC: injected faults first, then the Redfish service. */
export async function handleRequest(bmc: Bmc, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { faults } = bmc;
  if (faults.hang) return;
  if (faults.resetRate && bmc.faultRng.next() < faults.resetRate) return resetConnection(req.socket);
  if (faults.latencyMs) await delay(faults.latencyMs);
  let reply: Reply;
  try {
    reply = await answer(bmc, req);
  } catch (error) {
    console.error(`[bmc ${bmc.address}] ${req.method} ${req.url} failed:`, error);
    reply = redfishError(bmc.profile, 500, "InternalError");
  }
  send(bmc, req, res, reply);
}

async function answer(bmc: Bmc, req: IncomingMessage): Promise<Reply> {
  const { profile } = bmc;
  if (bmc.faults.errorRate && bmc.faultRng.next() < bmc.faults.errorRate) return redfishError(profile, 500, "InternalError");
  if (bmc.restarting) {
    const seconds = String(Math.max(1, Math.ceil(bmc.restartRemainingMs / 1000)));
    return redfishError(profile, 503, "ServiceTemporarilyUnavailable", { args: [seconds], headers: { "Retry-After": seconds } });
  }
  const raw = await readBody(req);
  if (!raw) return redfishError(profile, 413, "PayloadTooLarge");
  let body: unknown;
  const text = isUpload(req.headers) ? "" : raw.toString("utf8");
  if (text.trim() !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      return redfishError(profile, 400, "MalformedJSON");
    }
  }
  const url = new URL(req.url ?? "/", "http://bmc");
  return dispatch(bmc, { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body, rawBody: raw });
}

/** Routes, authenticates and renders; `authenticated` skips the check for internal reads. */
export async function dispatch(bmc: Bmc, incoming: Incoming, authenticated = false): Promise<Reply> {
  const { profile } = bmc;
  const { path, legacy } = profile.translatePath?.(incoming.path) ?? { path: incoming.path, legacy: false };
  const options = queryOptions(bmc, incoming.query);
  if ("status" in options) return options;
  const match = routerFor(profile).match(incoming.method, path);
  if (!match) return redfishError(profile, 404, "ResourceMissingAtURI", { args: [incoming.path] });
  if ("allowed" in match) {
    return redfishError(profile, 405, "OperationNotAllowed", { headers: { Allow: [...new Set(match.allowed)].join(", ") } });
  }
  const ctx: RequestContext = {
    bmc,
    method: incoming.method,
    path,
    params: match.params,
    query: incoming.query,
    headers: incoming.headers,
    body: incoming.body,
    rawBody: incoming.rawBody,
    legacy,
    get: (target) =>
      dispatch(bmc, { ...incoming, query: new URLSearchParams(), method: "GET", path: target, body: undefined, rawBody: Buffer.alloc(0) }, true),
  };
  if (!match.route.public && !authenticated) {
    const denied = authenticate(ctx);
    if (denied) return denied;
  }
  let reply = await match.route.handler(ctx);
  if (options.expand) reply = await expandMembers(reply, ctx);
  reply = withEtag(bmc, reply);
  return profile.finishReply ? profile.finishReply(reply, ctx) : reply;
}

/** `$expand=.`: a collection's member links replaced by the members themselves. */
async function expandMembers(reply: Reply, ctx: RequestContext): Promise<Reply> {
  const body = reply.body as { Members?: { "@odata.id": string }[] } | undefined;
  if (reply.status !== 200 || !Array.isArray(body?.Members)) return reply;
  const members = await Promise.all(body.Members.map(async (member) => (await ctx.get(member["@odata.id"])).body));
  return { ...reply, body: { ...body, Members: members } };
}

function withEtag(bmc: Bmc, reply: Reply): Reply {
  const { etag } = bmc.profile;
  if (!etag || reply.status !== 200 || typeof reply.body !== "object" || reply.body === null || !("@odata.id" in reply.body)) return reply;
  const tag = etag.format(bodyHash(JSON.stringify(reply.body)));
  const body = etag.inBody ? { "@odata.etag": tag, ...reply.body } : reply.body;
  return { ...reply, body, headers: { ...reply.headers, ETag: tag } };
}

/** The whole body, or undefined when it is larger than any BMC takes (the rest is read and dropped). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined));
    req.on("error", reject);
  });
}

function send(bmc: Bmc, req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const headers: Record<string, string | number> = { "OData-Version": "4.0", "Cache-Control": "no-cache", ...bmc.profile.headers };
  let payload: string | undefined;
  if (reply.body !== undefined) {
    payload = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
    headers["Content-Type"] = bmc.profile.contentType ?? "application/json; charset=utf-8";
    headers["Content-Length"] = Buffer.byteLength(payload);
  } else if (reply.status !== 204) {
    headers["Content-Length"] = 0;
  }
  Object.assign(headers, reply.headers);
  res.writeHead(reply.status, headers);
  res.end(req.method === "HEAD" ? undefined : payload);
}

/** A TCP RST, as from a BMC whose web server crashed mid-request. */
function resetConnection(socket: Socket): void {
  // Behind TLS the request's socket is a TLSSocket; the RST has to go out on the TCP socket under it.
  const tcp = (socket as Socket & { _parent?: Socket })._parent ?? socket;
  tcp.resetAndDestroy();
}
