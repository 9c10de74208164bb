import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import type { ServiceContext } from "~/server/services/context";
import { AuthenticationError, DomainError, NotFoundError } from "~/server/services/errors";
import { createFirmware } from "~/server/services/firmware";
import { multipartBoundary } from "~/server/services/firmware/multipart";
import { safeFileName, storedFileLocation } from "~/server/services/firmware/storage";
import { readUploadForm } from "~/server/services/firmware/upload-form";
import { requireStaff } from "~/server/services/permissions";
import { createBearerContext } from "../context";

const STORED_FILE = /^\/firmware\/files\/([0-9a-f]{64})\/([^/]+)\/?$/;
const CATALOG = /^\/firmware\/?$/;

/**
 * What trpc-to-openapi cannot do (it takes JSON only): multipart uploads to the firmware catalog, and
 * serving the stored files. Null for every other request.
 */
export async function serveUploadRequest(request: Request, path: string): Promise<Response | null> {
  const stored = STORED_FILE.exec(path);
  if (stored) return serveStoredFile(request, stored[1]!, stored[2]!);
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (request.method === "POST" && CATALOG.test(path) && mediaType === "multipart/form-data") return receiveUpload(request);
  return null;
}

async function receiveUpload(request: Request): Promise<Response> {
  const context = await createBearerContext(request);
  if (!context.actor) throw context.authError ?? AuthenticationError.notProvided();
  const ctx: ServiceContext = { actor: context.actor, db: context.db, requestUrl: context.requestUrl };
  // Checked again by the service; checking first spares the disk an upload that will be refused.
  requireStaff(ctx);
  const boundary = multipartBoundary(request.headers.get("content-type") ?? "");
  if (!boundary || !request.body) throw new DomainError(400, { detail: "Multipart form parse error - Invalid boundary in multipart: None" });
  const { input, file } = await readUploadForm(request.body, boundary);
  const binary = await createFirmware({ ctx, input, upload: file });
  return new Response(JSON.stringify(binary), { status: 201, headers: { "content-type": "application/json" } });
}

type ByteRange = { start: number; end: number };

/** One `bytes=` range (a multi-range request gets the whole file, as RFC 9110 allows). */
function requestedRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? "");
  if (!match || (!match[1] && !match[2])) return null;
  const range = match[1]
    ? { start: Number(match[1]), end: match[2] ? Math.min(Number(match[2]), size - 1) : size - 1 }
    : { start: Math.max(0, size - Number(match[2])), end: size - 1 };
  return range.start > range.end || range.start >= size ? "unsatisfiable" : range;
}

/**
 * Stored files are public: BMCs cannot send our bearer token, and the sha256 in the URL is the
 * capability. The file name is cosmetic (some BMCs want an extension they recognise).
 */
async function serveStoredFile(request: Request, sha256: string, filename: string): Promise<Response> {
  if (request.method === "OPTIONS") return new Response(null, { status: 200, headers: { Allow: "GET, HEAD, OPTIONS" } });
  if (request.method !== "GET" && request.method !== "HEAD") {
    throw new DomainError(405, { detail: `Method "${request.method}" not allowed.` }, { Allow: "GET, HEAD, OPTIONS" });
  }
  const location = storedFileLocation(sha256);
  const size = await stat(location).then(
    (info) => (info.isFile() ? info.size : undefined),
    () => undefined,
  );
  if (size === undefined) throw new NotFoundError();
  let name = filename;
  try {
    name = decodeURIComponent(filename);
  } catch {
    // Keep the raw segment.
  }
  const headers: Record<string, string> = {
    "content-type": "application/octet-stream",
    "content-disposition": `attachment; filename="${safeFileName(name)}"`,
    "accept-ranges": "bytes",
    etag: `"${sha256}"`,
    // Content-addressed: the bytes behind this URL never change.
    "cache-control": "public, max-age=31536000, immutable",
  };
  const range = requestedRange(request.headers.get("range"), size);
  if (range === "unsatisfiable") return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${size}` } });
  if (range) {
    headers["content-range"] = `bytes ${range.start}-${range.end}/${size}`;
  }
  headers["content-length"] = String(range ? range.end - range.start + 1 : size);
  const body = request.method === "HEAD" ? null : (Readable.toWeb(createReadStream(location, range ?? {})) as ReadableStream<Uint8Array>);
  return new Response(body, { status: range ? 206 : 200, headers });
}
