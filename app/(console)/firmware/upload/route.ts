import { absoluteRequestUrl } from "~/server/api/context";
import { drfResponse } from "~/server/api/rest/handler";
import { currentSessionActor } from "~/server/auth/session";
import { getDb } from "~/db/client";
import { describeError } from "~/server/lib/describe-error";
import type { ServiceContext } from "~/server/services/context";
import { DomainError, PermissionDeniedError } from "~/server/services/errors";
import { createFirmware } from "~/server/services/firmware";
import { multipartBoundary } from "~/server/services/firmware/multipart";
import { readUploadForm } from "~/server/services/firmware/upload-form";
import { requireStaff } from "~/server/services/permissions";
import { UPLOAD_HEADER } from "../upload-firmware";

export const dynamic = "force-dynamic";

/**
 * The dashboard's catalog upload: the REST upload (api/rest/uploads.ts) for a browser session instead
 * of a bearer token, through the same form reader and service verb, with the same DRF bodies.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    return await receiveUpload(request);
  } catch (error) {
    if (error instanceof DomainError) return drfResponse(error.status, error.body, error.headers);
    console.error(`Dashboard firmware upload failed\n${describeError(error)}`);
    return drfResponse(500, { detail: "Internal server error." });
  }
}

async function receiveUpload(request: Request): Promise<Response> {
  // Multipart is a "simple" request a foreign page could send with our cookie; a custom header is not.
  if (request.headers.get(UPLOAD_HEADER) !== "1") throw new PermissionDeniedError("CSRF Failed: CSRF token missing.");
  const actor = await currentSessionActor();
  // Session authentication, as DRF answers it: 403, there is no challenge to offer.
  if (!actor) throw new PermissionDeniedError("Authentication credentials were not provided.");
  const ctx: ServiceContext = { actor, db: getDb(), requestUrl: absoluteRequestUrl(request) };
  // Checked again by the service; checking first spares the disk an upload that will be refused.
  requireStaff(ctx);
  const boundary = multipartBoundary(request.headers.get("content-type") ?? "");
  if (!boundary || !request.body) throw new DomainError(400, { detail: "Multipart form parse error - Invalid boundary in multipart: None" });
  const { input, file } = await readUploadForm(request.body, boundary);
  const binary = await createFirmware({ ctx, input, upload: file });
  return drfResponse(201, binary);
}
