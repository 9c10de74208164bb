import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { generate } from "selfsigned";

/** The DMTF mockups shipped beside the project (`../shared/redfish-mockups`). */
export const MOCKUPS_DIR = path.resolve(import.meta.dirname, "../../../../shared/redfish-mockups");

export interface MockRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** Credentials (Basic or a live session token) were valid. */
  authorized: boolean;
}

export interface MockReply {
  /** 0 closes the connection without answering. */
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Answers a request instead of the tree; `undefined` lets the tree answer. */
export type MockHandler = (request: MockRequest, tree: (path: string) => unknown) => MockReply | undefined;

export interface MockupServerOptions {
  /** `public-rackmount1`, `public-bladed`, or null for an empty tree built from overrides. */
  mockup: string | null;
  host: string;
  username?: string;
  password?: string;
  /** The root answers 401 without credentials. */
  rootRequiresAuth?: boolean;
}

const certificates = new Map<string, Promise<{ key: string; cert: string }>>();

/** One self-signed certificate per address (naming it), so verified-TLS tests can use it as the CA. */
export function certificateFor(host: string) {
  let pending = certificates.get(host);
  if (!pending) {
    pending = generate([{ name: "commonName", value: host }], {
      keyType: "ec",
      algorithm: "sha256",
      extensions: [
        { name: "basicConstraints", cA: true },
        { name: "subjectAltName", altNames: [{ type: 7, ip: host }] },
      ],
    }).then((pems) => ({ key: pems.private, cert: pems.cert }));
    certificates.set(host, pending);
  }
  return pending;
}

const trimPath = (target: string) => decodeURIComponent(target).replace(/\/+$/, "") || "/";

/**
 * A tiny static Redfish service over HTTPS: file `<dir>/index.json` of a mockup is the body of
 * `GET /redfish/v1/<dir>`. It adds what the static files lack (sessions, Basic auth, `$expand`)
 * and lets each test override any answer to reproduce a real BMC's quirk.
 */
export async function startMockupServer(options: MockupServerOptions) {
  const username = options.username ?? "admin";
  const password = options.password ?? "mockup-password";
  const root = options.mockup ? path.join(MOCKUPS_DIR, options.mockup) : null;
  const handlers: MockHandler[] = [];
  const replacements = new Map<string, ((body: any) => unknown)[]>();
  const sessions = new Map<string, string>();
  const requests: MockRequest[] = [];
  const tls = await certificateFor(options.host);

  const file = (target: string): unknown => {
    const relative = trimPath(target).replace(/^\/redfish\/v1/i, "");
    const found = root ? path.join(root, relative, "index.json") : null;
    if (!found?.startsWith(root!) || !existsSync(found)) return undefined;
    return JSON.parse(readFileSync(found, "utf8"));
  };
  /** The body at `target`: the mockup's file with the test's replacements applied in order. */
  const tree = (target: string): unknown =>
    (replacements.get(trimPath(target).toLowerCase()) ?? []).reduce((body, replace) => replace(body), file(target));

  const isAuthorized = (headers: IncomingHttpHeaders) => {
    const token = headers["x-auth-token"];
    if (typeof token === "string") return sessions.has(token);
    const basic = /^basic (.+)$/i.exec(headers.authorization ?? "");
    return basic !== null && Buffer.from(basic[1], "base64").toString("utf8") === `${username}:${password}`;
  };

  const standard = (request: MockRequest): MockReply => {
    const target = trimPath(request.path);
    if (target === "/redfish") return { status: 200, body: { v1: "/redfish/v1/" } };
    const isRoot = target === "/redfish/v1";
    if (request.method === "POST" && target === "/redfish/v1/SessionService/Sessions") {
      const body = request.body as { UserName?: string; Password?: string } | undefined;
      if (body?.UserName !== username || body?.Password !== password) return unauthorized();
      const token = randomBytes(12).toString("hex");
      const location = `/redfish/v1/SessionService/Sessions/${token.slice(0, 8)}`;
      sessions.set(token, location);
      return { status: 201, headers: { "X-Auth-Token": token, Location: location }, body: { "@odata.id": location, Id: token.slice(0, 8) } };
    }
    if (!request.authorized && (!isRoot || options.rootRequiresAuth)) return unauthorized();
    if (request.method === "DELETE") {
      const entry = [...sessions].find(([, location]) => location.toLowerCase() === target.toLowerCase());
      if (!entry) return { status: 404 };
      sessions.delete(entry[0]);
      return { status: 204 };
    }
    if (request.method !== "GET") return { status: 405 };
    const body = tree(target);
    if (body === undefined) return { status: 404, body: redfishError("ResourceMissingAtURI") };
    return { status: 200, body: request.query.has("$expand") ? expand(body, tree) : body };
  };

  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "https://mockup");
      const raw = Buffer.concat(chunks).toString("utf8");
      const request: MockRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: parseBody(raw),
        authorized: isAuthorized(req.headers),
      };
      requests.push(request);
      let reply: MockReply | undefined;
      for (const handler of handlers) reply ??= handler(request, tree);
      reply ??= standard(request);
      if (reply.status === 0) return void req.socket.destroy();
      const payload = reply.body === undefined ? undefined : JSON.stringify(reply.body);
      const headers = { "OData-Version": "4.0", ...(payload ? { "Content-Type": "application/json" } : {}), ...reply.headers };
      res.writeHead(reply.status, headers).end(payload);
    });
  });
  /** One entry per TLS connection accepted: whether it resumed an earlier session. */
  const connections: { resumed: boolean }[] = [];
  server.on("secureConnection", (socket) => connections.push({ resumed: socket.isSessionReused() }));
  await new Promise<void>((resolve) => server.listen(0, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: options.host,
    port,
    endpoint: { host: options.host, port },
    certificate: tls.cert,
    username,
    password,
    requests,
    connections,
    /** Live session tokens and their resources. */
    sessions,
    /** Adds a handler consulted before the tree (earlier handlers win). */
    override(handler: MockHandler) {
      handlers.push(handler);
    },
    /** Serves `body` at `target` instead of the file (a function gets the body so far); repeated calls compose. */
    replace(target: string, body: unknown | ((original: any) => unknown)) {
      const key = trimPath(target).toLowerCase();
      replacements.set(key, [...(replacements.get(key) ?? []), typeof body === "function" ? (body as (original: unknown) => unknown) : () => body]);
    },
    stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}

export type MockupServer = Awaited<ReturnType<typeof startMockupServer>>;

function parseBody(raw: string): unknown {
  if (raw === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function redfishError(messageId: string) {
  return { error: { code: `Base.1.8.${messageId}`, message: messageId, "@Message.ExtendedInfo": [{ MessageId: `Base.1.8.${messageId}` }] } };
}

function unauthorized(): MockReply {
  return { status: 401, headers: { "WWW-Authenticate": 'Basic realm="mockup"' }, body: redfishError("NoValidSession") };
}

/** `$expand`: members replaced by their resources, one level. */
function expand(body: any, tree: (path: string) => unknown) {
  if (!Array.isArray(body?.Members)) return body;
  return { ...body, Members: body.Members.map((member: { "@odata.id": string }) => tree(member["@odata.id"]) ?? member) };
}
