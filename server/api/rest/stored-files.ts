import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { DomainError, NotFoundError } from "~/server/services/errors";
import { safeFileName, storedFileLocation } from "~/server/services/firmware/storage";

const STORED_FILE = /^\/firmware\/files\/([0-9a-f]{64})\/([^/]+)\/?$/;

/** The stored file a path under /api names (its sha256 and the cosmetic file name), or null. */
export function storedFileOf(path: string): { sha256: string; filename: string } | null {
  const match = STORED_FILE.exec(path);
  return match ? { sha256: match[1]!, filename: match[2]! } : null;
}

type ByteRange = { start: number; end: number };

/** One `bytes=` range (a multi-range request gets the whole file, as RFC 9110 allows). */
function requestedRange(header: string | null | undefined, size: number): ByteRange | "unsatisfiable" | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? "");
  if (!match || (!match[1] && !match[2])) return null;
  const range = match[1]
    ? { start: Number(match[1]), end: match[2] ? Math.min(Number(match[2]), size - 1) : size - 1 }
    : { start: Math.max(0, size - Number(match[2])), end: size - 1 };
  return range.start > range.end || range.start >= size ? "unsatisfiable" : range;
}

/** A GET or HEAD of a stored file: its status and headers, and the bytes to send (none for HEAD and 416). */
export type StoredFileAnswer = { status: 200 | 206 | 416; headers: Record<string, string>; body: { location: string; range?: ByteRange } | null };

/** What a GET or HEAD of a stored file answers; null when no such file is stored (a 404). */
export async function storedFileAnswer(method: "GET" | "HEAD", file: { sha256: string; filename: string }, rangeHeader: string | null | undefined): Promise<StoredFileAnswer | null> {
  const location = storedFileLocation(file.sha256);
  const size = await stat(location).then(
    (info) => (info.isFile() ? info.size : undefined),
    () => undefined,
  );
  if (size === undefined) return null;
  let name = file.filename;
  try {
    name = decodeURIComponent(file.filename);
  } catch {
    // Keep the raw segment.
  }
  const headers: Record<string, string> = {
    "content-type": "application/octet-stream",
    "content-disposition": `attachment; filename="${safeFileName(name)}"`,
    "accept-ranges": "bytes",
    etag: `"${file.sha256}"`,
    // Content-addressed: the bytes behind this URL never change.
    "cache-control": "public, max-age=31536000, immutable",
  };
  const range = requestedRange(rangeHeader, size);
  if (range === "unsatisfiable") return { status: 416, headers: { ...headers, "content-range": `bytes */${size}` }, body: null };
  if (range) headers["content-range"] = `bytes ${range.start}-${range.end}/${size}`;
  headers["content-length"] = String(range ? range.end - range.start + 1 : size);
  return { status: range ? 206 : 200, headers, body: method === "HEAD" ? null : { location, ...(range && { range }) } };
}

/**
 * Stored files are public: BMCs cannot send our bearer token, and the sha256 in the URL is the
 * capability. The file name is cosmetic (some BMCs want an extension they recognise).
 */
export async function serveStoredFile(request: Request, file: { sha256: string; filename: string }): Promise<Response> {
  if (request.method === "OPTIONS") return new Response(null, { status: 200, headers: { Allow: "GET, HEAD, OPTIONS" } });
  if (request.method !== "GET" && request.method !== "HEAD") {
    throw new DomainError(405, { detail: `Method "${request.method}" not allowed.` }, { Allow: "GET, HEAD, OPTIONS" });
  }
  const answer = await storedFileAnswer(request.method, file, request.headers.get("range"));
  if (!answer) throw new NotFoundError();
  const body = answer.body && (Readable.toWeb(createReadStream(answer.body.location, answer.body.range ?? {})) as ReadableStream<Uint8Array>);
  return new Response(body, { status: answer.status, headers: answer.headers });
}
