import { pythonTypeName } from "~/server/lib/zod";
import { DomainError, ValidationError } from "~/server/services/errors";

const MAX_BODY_BYTES = 1024 * 1024;

function unsupported(type: string): DomainError {
  return new DomainError(415, { detail: `Unsupported media type "${type}" in request.` });
}

function formToObject(entries: Iterable<[string, FormDataEntryValue]>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of entries) if (typeof value === "string") data[key] = value;
  return data;
}

/**
 * DRF's parsers: JSON, form and multipart bodies are read; any other media type is a 415; an empty
 * body is `{}`; a body that is not an object is a validation error. Returns the body as a JSON object.
 */
export async function readRequestBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new DomainError(413, { detail: "Request body too large." });
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (!text.trim()) return {};
  let data: unknown;
  if (mediaType === "application/json" || mediaType.endsWith("+json")) {
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new DomainError(400, { detail: `JSON parse error - ${(error as Error).message}` });
    }
  } else if (mediaType === "application/x-www-form-urlencoded") {
    data = formToObject(new URLSearchParams(text).entries());
  } else if (mediaType === "multipart/form-data") {
    data = formToObject((await new Response(text, { headers: { "content-type": contentType } }).formData()).entries());
  } else if (mediaType) {
    throw unsupported(contentType);
  } else {
    return {};
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw ValidationError.field("non_field_errors", `Invalid data. Expected a dictionary, but got ${pythonTypeName(data)}.`);
  }
  return data as Record<string, unknown>;
}
