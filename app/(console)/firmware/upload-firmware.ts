import type { FirmwareBinaryDto, FirmwareUploadInput } from "~/server/services/firmware/schemas";

/** Fails like a tRPC mutation does, so `useZodForm` puts the server's messages on the same fields. */
class UploadFailed extends Error {
  constructor(readonly data: { drf: unknown }) {
    super("Upload failed");
  }
}

/** The header only our own pages send: a cross-site form cannot set it, so it cannot ride the session cookie. */
export const UPLOAD_HEADER = "x-rackpilot-upload";

/**
 * Sends the image and its fields to the dashboard's upload route. XMLHttpRequest rather than fetch:
 * only it reports upload progress.
 */
export function uploadFirmware(input: FirmwareUploadInput, file: File | null, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<FirmwareBinaryDto> {
  const form = new FormData();
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    form.append(name, Array.isArray(value) ? JSON.stringify(value) : String(value));
  }
  if (file) form.append("file", file, file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/firmware/upload");
    request.setRequestHeader(UPLOAD_HEADER, "1");
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = { detail: `The server answered ${request.status}.` };
      }
      if (request.status === 201) resolve(body as FirmwareBinaryDto);
      else reject(new UploadFailed({ drf: body }));
    };
    request.onerror = () => reject(new UploadFailed({ drf: { detail: "The upload failed: the connection to Rackpilot was lost." } }));
    request.onabort = () => reject(new UploadFailed({ drf: { detail: "The upload was cancelled." } }));
    signal.addEventListener("abort", () => request.abort(), { once: true });
    request.send(form);
  });
}
