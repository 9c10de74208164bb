import type { OperationObject, ReferenceObject, ResponseObject, SchemaObject } from "openapi3-ts/oas30";

/** DRF's error bodies, replacing trpc-to-openapi's `{message, code, issues}` shapes. */
export const errorSchemas: Record<string, SchemaObject> = {
  ErrorDetail: {
    type: "object",
    properties: { detail: { type: "string" } },
    required: ["detail"],
  },
  FieldErrors: {
    type: "object",
    description: "Messages by field name (`non_field_errors` for the body as a whole). A malformed JSON body gets `{\"detail\": ...}` instead.",
    additionalProperties: { type: "array", items: { type: "string" } },
  },
};

const json = (schema: keyof typeof errorSchemas): ResponseObject["content"] => ({
  "application/json": { schema: { $ref: `#/components/schemas/${schema}` } satisfies ReferenceObject },
});

/** Which errors an operation can answer, from what it takes and whether it needs a token. */
export function drfErrorResponses(operation: OperationObject, isPublic: boolean): Record<string, ResponseObject> {
  const parameters = (operation.parameters ?? []) as { in?: string; name?: string }[];
  const takesInput = Boolean(operation.requestBody) || parameters.some((p) => p.in === "query");
  const hasPathId = parameters.some((p) => p.in === "path");
  const isPaged = parameters.some((p) => p.in === "query" && p.name === "page");
  const responses: Record<string, ResponseObject> = {};
  if (takesInput) responses["400"] = { description: "Invalid input", content: json("FieldErrors") };
  responses["401"] = {
    description: isPublic ? "Invalid credentials or token" : "Authentication credentials missing, invalid or expired",
    content: json("ErrorDetail"),
  };
  if (!isPublic) responses["403"] = { description: "Not allowed for this user", content: json("ErrorDetail") };
  const notFound = [hasPathId && "Not found", isPaged && "Invalid page"].filter(Boolean).join(", or ");
  if (notFound) responses["404"] = { description: notFound, content: json("ErrorDetail") };
  // The public operations are the credential checks, which the failed-login throttle guards.
  if (isPublic) {
    responses["429"] = {
      description: "Throttled",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      content: json("ErrorDetail"),
    };
  }
  return responses;
}
