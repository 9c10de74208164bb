import type { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { zodIssuesToDrf } from "../lib/drf-errors";
import { DomainError, type DrfBody } from "../services/errors";

export type DrfError = { status: number; body: DrfBody; headers: Record<string, string> };

const INTERNAL: DrfError = { status: 500, body: { detail: "Internal server error." }, headers: {} };

/** The one place a failure becomes DRF's status, body and headers (REST bodies and UI forms read it). */
export function toDrfError(error: TRPCError): DrfError {
  const cause = error.cause;
  if (cause instanceof DomainError) return { status: cause.status, body: cause.body, headers: cause.headers };
  if (cause?.name === "ZodError") return { status: 400, body: zodIssuesToDrf((cause as unknown as z.ZodError).issues), headers: {} };
  switch (error.code) {
    case "BAD_REQUEST":
      // tRPC's own refusals (a batch over the limit, a malformed batch): the client's fault, said plainly.
      return { status: 400, body: { detail: error.message }, headers: {} };
    case "NOT_FOUND":
      return { status: 404, body: { detail: "Not found." }, headers: {} };
    case "PARSE_ERROR":
      return { status: 400, body: { detail: `JSON parse error - ${cause?.message ?? "invalid JSON"}` }, headers: {} };
    case "PAYLOAD_TOO_LARGE":
      return { status: 413, body: { detail: "Request body too large." }, headers: {} };
    default:
      return INTERNAL;
  }
}

export const TRPC_CODE_BY_STATUS = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_SUPPORTED",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  429: "TOO_MANY_REQUESTS",
  503: "SERVICE_UNAVAILABLE",
} as const;
