import type { ServiceContext } from "~/server/services/context";
import { AuthenticationError, DomainError } from "~/server/services/errors";
import { createFirmware } from "~/server/services/firmware";
import { multipartBoundary } from "~/server/services/firmware/multipart";
import { readUploadForm } from "~/server/services/firmware/upload-form";
import { requireStaff } from "~/server/services/permissions";
import { createBearerContext } from "../context";
import { serveStoredFile, storedFileOf } from "./stored-files";

const CATALOG = /^\/firmware\/?$/;

/**
 * What trpc-to-openapi cannot do (it takes JSON only): multipart uploads to the firmware catalog, and
 * serving the stored files. Null for every other request.
 */
export async function serveUploadRequest(request: Request, path: string): Promise<Response | null> {
  const stored = storedFileOf(path);
  if (stored) return serveStoredFile(request, stored);
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
