import type { IncomingHttpHeaders } from "node:http";
import type { Bmc } from "../bmc/bmc";
import type { SessionRecord } from "../bmc/sessions";

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RequestContext {
  bmc: Bmc;
  method: string;
  /** The path routed (after a vendor's translation, e.g. iLO 4's /rest/v1 -> /redfish/v1). */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** The body as received: what a push carries (JSON bodies are parsed into `body`). */
  rawBody: Buffer;
  /** The request came through iLO 4's legacy /rest/v1 tree. */
  legacy: boolean;
  session?: SessionRecord;
  /** An authenticated internal GET (iLO 4 expands collection `Items` with it). */
  get: (path: string) => Promise<Reply>;
}

export const ok = (body: unknown, headers?: Record<string, string>): Reply => ({ status: 200, body, headers });

export function bodyField(ctx: RequestContext, name: string): unknown {
  return typeof ctx.body === "object" && ctx.body !== null ? (ctx.body as Record<string, unknown>)[name] : undefined;
}
