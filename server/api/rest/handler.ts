import { TRPCError } from "@trpc/server";
import { asDomainError } from "~/server/lib/db-errors";
import { describeError } from "~/server/lib/describe-error";
import { fitsInteger } from "~/server/lib/fields";
import type { z } from "~/server/lib/zod";
import { AuthenticationError, type DrfBody } from "~/server/services/errors";
import { createBearerContext } from "../context";
import { toDrfError, type DrfError } from "../errors";
import { createCaller } from "../root";
import { readRequestBody, type RequestBody } from "./body";
import { coerceInput } from "./input";
import { matchRoute, type Operation } from "./routes";
import { serveSchemaRequest } from "./schema-routes";
import { serveUploadRequest } from "./uploads";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);
const INTERNAL: DrfError = { status: 500, body: { detail: "Internal server error." }, headers: {} };

export function drfResponse(status: number, body: DrfBody | undefined, headers: Record<string, string> = {}): Response {
  if (status === 204 || body === undefined) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

function toDrf(error: unknown): DrfError {
  const domain = asDomainError(error);
  if (domain) return { status: domain.status, body: domain.body, headers: domain.headers };
  if (error instanceof TRPCError) return toDrfError(error);
  return INTERNAL;
}

/**
 * A procedure's JSON answer before it becomes a Response: the production server writes its text to
 * the socket as it is, where building a Response and reading it back cost more than the write.
 */
export class JsonAnswer {
  constructor(
    readonly status: number,
    readonly text: string | null,
  ) {}

  get headers(): Record<string, string> {
    return this.status === 204 ? {} : { "content-type": "application/json" };
  }

  toResponse(): Response {
    return new Response(this.text, { status: this.status, headers: this.headers });
  }
}

/** Every request under /api/ except the tRPC and next-auth routes: MOJO's REST API, DRF-exact. */
export async function handleApiRequest(request: Request): Promise<Response> {
  const answer = await answerApiRequest(request);
  return answer instanceof JsonAnswer ? answer.toResponse() : answer;
}

/** handleApiRequest's answer, a procedure's JSON left unwrapped. */
export async function answerApiRequest(request: Request): Promise<Response | JsonAnswer> {
  try {
    return await dispatch(request);
  } catch (error) {
    const drf = toDrf(error);
    if (drf.status === 500) {
      const cause = error instanceof TRPCError ? (error.cause ?? error) : error;
      console.error(`REST request failed: ${request.method} ${new URL(request.url).pathname}\n${describeError(cause)}`);
    }
    return drfResponse(drf.status, drf.body, drf.headers);
  }
}

async function dispatch(request: Request): Promise<Response | JsonAnswer> {
  const url = new URL(request.url);
  const path = url.pathname.replace(/^\/api(?=\/|$)/, "");
  const schemaResponse = await serveSchemaRequest(request, path);
  if (schemaResponse) return schemaResponse;
  const uploadResponse = await serveUploadRequest(request, path);
  if (uploadResponse) return uploadResponse;

  const match = matchRoute(request.method, path);
  if (match.kind === "not_found") return drfResponse(404, { detail: "Not found." });
  // DRF authenticates before it picks the handler, looks up the object or reads the body, so a
  // missing or bad token wins over 405, 404 and 400.
  const protect = match.kind === "operation" ? match.operation.protect : match.protect;
  const context = await createBearerContext(request, { authenticate: protect });
  if (protect && !context.actor) throw context.authError ?? AuthenticationError.notProvided();
  if (match.kind === "method_not_allowed") {
    const allow = { Allow: match.allow.join(", ") };
    if (request.method === "OPTIONS") return drfResponse(200, {}, allow);
    return drfResponse(405, { detail: `Method "${request.method}" not allowed.` }, allow);
  }
  const ids = pathIds(match.params);
  // A path id that is not an integer (or is beyond any id) names no object: Django's Http404.
  if (!ids) return drfResponse(404, { detail: "Not found." });

  const { operation } = match;
  const body = BODY_METHODS.has(request.method) ? await readRequestBody(request) : queryBody(url.searchParams);
  const input = procedureInput(operation, body, ids);
  const procedure = operation.procedurePath.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], createCaller(context));
  const data = await (procedure as (input: unknown) => Promise<unknown>)(input);
  const status = operation.meta.successStatus ?? 200;
  if (status === 204) return new JsonAnswer(status, null);
  return new JsonAnswer(status, request.method === "HEAD" || data === undefined ? null : JSON.stringify(data));
}

/** Every path parameter is an integer id (Django reads "-1" as one: it names no row, a model 404). */
function pathIds(params: Record<string, string>): Record<string, number> | null {
  const ids: Record<string, number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (!/^-?\d+$/.test(value) || !fitsInteger(Number(value))) return null;
    ids[name] = Number(value);
  }
  return ids;
}

/** Query parameters as a QueryDict holds them: a repeated name keeps all its values. */
function queryBody(params: URLSearchParams): RequestBody {
  const data: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    data[key] = values.length === 1 ? values[0]! : values;
  }
  return { data, source: "query" };
}

const VOID_TYPES = new Set(["void", "undefined", "never"]);

/** The procedure's input: the body or query read as DRF's fields read them, plus the path ids. */
function procedureInput(operation: Operation, body: RequestBody, ids: Record<string, number>): unknown {
  const schemas = operation.procedure._def.inputs as z.ZodType[];
  if (schemas.length === 0 || schemas.every((schema) => VOID_TYPES.has(schema._zod.def.type))) return undefined;
  return { ...coerceInput(schemas, body.data, body.source), ...ids };
}
