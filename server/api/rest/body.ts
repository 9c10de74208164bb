import { pythonTypeName } from "~/server/lib/zod";
import { DomainError, ValidationError } from "~/server/services/errors";
import { readBodyCapped } from "../body-limit";
import type { InputSource } from "./input";

export type RequestBody = { data: Record<string, unknown>; source: InputSource };

function unsupported(type: string): DomainError {
  return new DomainError(415, { detail: `Unsupported media type "${type}" in request.` });
}

/** Form fields as a QueryDict holds them: a repeated key keeps all its values. Files are not data. */
function formToObject(entries: Iterable<[string, FormDataEntryValue]>): Record<string, unknown> {
  const data: Record<string, string | string[]> = {};
  for (const [key, value] of entries) {
    if (typeof value !== "string") continue;
    const previous = data[key];
    data[key] = previous === undefined ? value : [previous, value].flat();
  }
  return data;
}

/**
 * DRF's parsers: JSON, form and multipart bodies are read; any other media type is a 415; an empty
 * body (or one without a media type) is `{}`; a body that is not an object is a validation error.
 */
export async function readRequestBody(request: Request): Promise<RequestBody> {
  const text = (await readBodyCapped(request)).toString("utf8");
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (!text || !mediaType) return { data: {}, source: "json" };
  let data: unknown;
  let source: InputSource = "form";
  if (mediaType === "application/json" || mediaType.endsWith("+json")) {
    source = "json";
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new DomainError(400, { detail: `JSON parse error - ${(error as Error).message}` });
    }
  } else if (mediaType === "application/x-www-form-urlencoded") {
    data = formToObject(new URLSearchParams(text).entries());
  } else if (mediaType === "multipart/form-data") {
    try {
      data = formToObject((await new Response(text, { headers: { "content-type": contentType } }).formData()).entries());
    } catch (error) {
      throw new DomainError(400, { detail: `Multipart form parse error - ${(error as Error).message}` });
    }
  } else {
    throw unsupported(contentType);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw ValidationError.field("non_field_errors", `Invalid data. Expected a dictionary, but got ${pythonTypeName(data)}.`);
  }
  return { data: data as Record<string, unknown>, source };
}
