import { firmwareSettings } from "./settings";

/** Stored files are served, without authentication, under this path (the sha256 is the capability). */
export const FIRMWARE_FILES_PATH = "/api/firmware/files";

/** RACKPILOT_PUBLIC_URL when set (what BMCs can reach), else the scheme and Host the client used. */
export function publicBaseUrl(requestUrl: string | undefined): string {
  const base = firmwareSettings.publicUrl ?? (requestUrl ? new URL(requestUrl).origin : undefined);
  if (!base) throw new Error("No base URL for firmware files: set RACKPILOT_PUBLIC_URL");
  return base;
}

/** The URL a BMC fetches a stored file from: `<base>/api/firmware/files/<sha256>/<filename>`. */
export function firmwareFileUrl(baseUrl: string, sha256: string, filename: string): string {
  return `${baseUrl}${FIRMWARE_FILES_PATH}/${sha256}/${encodeURIComponent(filename)}`;
}
