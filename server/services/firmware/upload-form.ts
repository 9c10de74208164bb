import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { zodIssuesToDrf } from "~/server/lib/drf-errors";
import { BodyTooLargeError, DomainError, ValidationError } from "../errors";
import { MultipartError, multipartParts } from "./multipart";
import { firmwareUploadSchema, type FirmwareUploadInput } from "./schemas";
import { discardFile, FileTooLargeError, receiveFile, type ReceivedFile } from "./storage";

/** Text fields are held in memory (like Django's DATA_UPLOAD_MAX_MEMORY_SIZE); only the file is streamed. Skipped parts count too. */
const MAX_TEXT_BYTES = 1024 * 1024;
const SINGLE_VALUE_FIELDS = ["name", "firmware_type", "version", "manufacturer", "location", "checksum", "release_notes"] as const;
/** An HTML form sends empty inputs: for these optional fields empty means "not given". */
const OMIT_WHEN_EMPTY = new Set(["location", "checksum"]);

/** `models` may be repeated, and each value may be a JSON array or a comma-separated list. */
function modelsFromFormValue(value: string): unknown[] {
  const trimmed = value.trim();
  if (trimmed.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // Not JSON after all: read it as a comma-separated list.
    }
  }
  return trimmed.split(",").map((model) => model.trim()).filter(Boolean);
}

function toInput(fields: Record<string, string[]>): FirmwareUploadInput {
  const data: Record<string, unknown> = {};
  for (const name of SINGLE_VALUE_FIELDS) {
    // Like Django's QueryDict, a repeated single-value field keeps its last value.
    const value = fields[name]?.at(-1);
    if (value !== undefined && !(value === "" && OMIT_WHEN_EMPTY.has(name))) data[name] = value;
  }
  if (fields.models) data.models = fields.models.flatMap(modelsFromFormValue);
  const result = firmwareUploadSchema.safeParse(data);
  if (!result.success) throw new ValidationError(zodIssuesToDrf(result.error.issues));
  return result.data;
}

async function readParts(body: ReadableStream<Uint8Array>, boundary: string, received: { file?: ReceivedFile }) {
  const fields: Record<string, string[]> = {};
  let otherBytes = 0;
  /** Everything but the one file counts against the text limit, parts we skip included. */
  const readLimited = async (data: AsyncIterable<Uint8Array>, keep: boolean) => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of data) {
      otherBytes += chunk.byteLength;
      if (otherBytes > MAX_TEXT_BYTES) throw new BodyTooLargeError();
      if (keep) chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString("utf8");
  };
  for await (const part of multipartParts(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), boundary)) {
    if (part.name === "file" && !received.file) {
      received.file = await receiveFile(part.data, part.filename);
      continue;
    }
    const isText = part.name !== "file" && part.filename === undefined;
    const text = await readLimited(part.data, isText);
    if (isText) (fields[part.name] ??= []).push(text);
  }
  return fields;
}

/**
 * Reads a multipart catalog upload: the `file` part is streamed to the incoming dir as it arrives,
 * the other parts are the JSON create's fields. The caller owns the returned file.
 */
export async function readUploadForm(body: ReadableStream<Uint8Array>, boundary: string): Promise<{ input: FirmwareUploadInput; file?: ReceivedFile }> {
  const received: { file?: ReceivedFile } = {};
  try {
    const input = toInput(await readParts(body, boundary, received));
    if (!received.file && !input.location) throw ValidationError.field("file", "No file was submitted.");
    return { input, file: received.file };
  } catch (error) {
    if (received.file) await discardFile(received.file);
    if (error instanceof MultipartError) throw new DomainError(400, { detail: `Multipart form parse error - ${error.message}` });
    if (error instanceof FileTooLargeError) throw ValidationError.field("file", `Ensure this file is no larger than ${error.limit} bytes.`);
    throw error;
  }
}
