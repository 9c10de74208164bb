import http from "node:http";
import https from "node:https";
import type { BmcHandle } from "../fleet";

export interface WireResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  // Parsed JSON straight off the wire: tests assert on its shape.
  body: any;
  text: string;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** HTTP Basic credentials; `false` sends none. */
  basic?: { username: string; password: string } | false;
  token?: string;
  timeoutMs?: number;
  /** A keep-alive agent for many requests; by default each request opens its own connection. */
  agent?: https.Agent;
  /** A body sent as is (a pushed image); `chunked` sends it without a Content-Length. */
  raw?: { body: Buffer; contentType: string; chunked?: boolean };
}

/** One request on a fresh connection (so connection faults hit only it); TLS is not verified. */
export function request(url: string, options: RequestOptions = {}): Promise<WireResponse> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (options.basic) {
    const { username, password } = options.basic;
    headers.Authorization = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  }
  if (options.token) headers["X-Auth-Token"] = options.token;
  const { raw } = options;
  const payload = raw ? raw.body : options.body === undefined ? undefined : JSON.stringify(options.body);
  if (payload !== undefined) headers["Content-Type"] = raw?.contentType ?? "application/json";
  if (raw && !raw.chunked) headers["Content-Length"] = String(raw.body.length);
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      { method: options.method ?? "GET", headers, agent: options.agent ?? false, rejectUnauthorized: false, timeout: options.timeoutMs ?? 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: unknown;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
        });
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("client timeout"), { code: "CLIENT_TIMEOUT" })));
    req.on("error", reject);
    if (raw?.chunked) {
      // Written in two pieces before the end, so Node sends Transfer-Encoding: chunked.
      req.write(raw.body.subarray(0, 1));
      req.write(raw.body.subarray(1));
      req.end();
    } else req.end(payload);
  });
}

/** Requests against one BMC with its own Basic credentials unless told otherwise. */
export function bmcClient(bmc: BmcHandle) {
  const basic = { username: bmc.username, password: bmc.password };
  const send = (method: string, path: string, options: RequestOptions = {}) =>
    request(`${bmc.url}${path}`, { basic: options.token ? false : basic, ...options, method });
  return {
    get: (path: string, options?: RequestOptions) => send("GET", path, options),
    post: (path: string, body: unknown, options?: RequestOptions) => send("POST", path, { ...options, body }),
    patch: (path: string, body: unknown, options?: RequestOptions) => send("PATCH", path, { ...options, body }),
    delete: (path: string, options?: RequestOptions) => send("DELETE", path, options),
  };
}

export async function login(bmc: BmcHandle, sessionsPath = "/redfish/v1/SessionService/Sessions") {
  const response = await request(`${bmc.url}${sessionsPath}`, {
    method: "POST",
    body: { UserName: bmc.username, Password: bmc.password },
  });
  return { response, token: String(response.headers["x-auth-token"]), location: String(response.headers.location) };
}

/** Polls `probe` until it returns something other than undefined. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The path part of a Location header or @odata.id, absolute or not. */
export function pathOf(location: string): string {
  return new URL(location, "http://placeholder").pathname;
}
