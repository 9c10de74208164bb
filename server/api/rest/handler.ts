import { createOpenApiFetchHandler } from "trpc-to-openapi";
import { AuthenticationError, DomainError, type DrfBody } from "~/server/services/errors";
import { createBearerContext } from "../context";
import { toDrfError } from "../errors";
import { appRouter } from "../root";
import type { ProcedureMeta } from "../trpc";
import { readRequestBody } from "./body";
import { matchRoute } from "./routes";
import { serveSchemaRequest } from "./schema-routes";
import { serveUploadRequest } from "./uploads";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

export function drfResponse(status: number, body: DrfBody | undefined, headers: Record<string, string> = {}): Response {
  if (status === 204 || body === undefined) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

const fromDomainError = (error: DomainError) => drfResponse(error.status, error.body, error.headers);

function procedureMeta(paths: readonly string[] | undefined): ProcedureMeta | undefined {
  const procedure = paths?.[0] ? (appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>)[paths[0]] : undefined;
  return procedure?._def.meta;
}

/** Every request under /api/ except the tRPC and next-auth routes: MOJO's REST API, DRF-exact. */
export async function handleApiRequest(request: Request): Promise<Response> {
  try {
    return await dispatch(request);
  } catch (error) {
    if (error instanceof DomainError) return fromDomainError(error);
    console.error("REST request failed", request.method, new URL(request.url).pathname, error);
    return drfResponse(500, { detail: "Internal server error." });
  }
}

async function dispatch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname.replace(/^\/api(?=\/|$)/, "");
  const schemaResponse = await serveSchemaRequest(request, path);
  if (schemaResponse) return schemaResponse;
  const uploadResponse = await serveUploadRequest(request, path);
  if (uploadResponse) return uploadResponse;

  const match = matchRoute(request.method, path);
  if (match.kind === "not_found") return drfResponse(404, { detail: "Not found." });
  if (match.kind === "method_not_allowed") {
    if (request.method === "OPTIONS") return drfResponse(200, {}, { Allow: match.allow.join(", ") });
    return drfResponse(405, { detail: `Method "${request.method}" not allowed.` }, { Allow: match.allow.join(", ") });
  }
  // DRF authenticates before it parses the body, so a bad token wins over a bad body.
  const context = await createBearerContext(request);
  if (match.operation.protect && !context.actor) throw context.authError ?? AuthenticationError.notProvided();
  const body = BODY_METHODS.has(request.method) ? await readRequestBody(request) : undefined;
  const forwarded = new Request(request.url, {
    method: request.method === "HEAD" ? "GET" : request.method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const response = await createOpenApiFetchHandler({
    endpoint: "/api",
    router: appRouter,
    req: forwarded,
    createContext: async () => context,
    responseMeta: ({ paths, errors }) => {
      if (errors.length) {
        const drf = toDrfError(errors[0]!);
        return { status: drf.status, headers: drf.headers };
      }
      return { status: procedureMeta(paths)?.successStatus ?? 200 };
    },
    onError: ({ error }) => {
      if (toDrfError(error).status === 500) console.error("REST procedure failed", error.cause ?? error);
    },
  });
  return rewrite(response, request.method === "HEAD");
}

/** trpc-to-openapi answers errors as `{message, code, data, issues}`: keep only the DRF body. */
async function rewrite(response: Response, head: boolean): Promise<Response> {
  const headers = Object.fromEntries([...response.headers.entries()].filter(([name]) => name !== "content-length"));
  if (response.status === 204) {
    delete headers["content-type"];
    return new Response(null, { status: 204, headers });
  }
  const text = await response.text();
  let body = text;
  if (response.status >= 400) {
    const drf = (JSON.parse(text) as { data?: { drf?: DrfBody } }).data?.drf ?? { detail: "Internal server error." };
    body = JSON.stringify(drf);
  }
  return new Response(head ? null : body, { status: response.status, headers });
}
