import path from "node:path";
import { dataDir } from "~/server/config";

function positiveNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export const firmwareSettings = {
  /** Largest firmware file accepted, by upload or by download (RACKPILOT_FIRMWARE_MAX_BYTES, default 2 GiB). */
  get maxBytes() {
    return positiveNumber("RACKPILOT_FIRMWARE_MAX_BYTES", 2 * 1024 ** 3);
  },
  /** Whole-download deadline (RACKPILOT_FIRMWARE_DOWNLOAD_TIMEOUT seconds, default 30 minutes). */
  get downloadTimeoutSeconds() {
    return positiveNumber("RACKPILOT_FIRMWARE_DOWNLOAD_TIMEOUT", 1800);
  },
  /** Base URL BMCs use to reach Rackpilot (RACKPILOT_PUBLIC_URL); else the request's own scheme and Host. */
  get publicUrl() {
    return process.env.RACKPILOT_PUBLIC_URL?.replace(/\/+$/, "") || undefined;
  },
};

/** Stored files live at `<dataDir>/firmware/<sha256>`: one copy per content, shared by every binary with it. */
export const firmwareDir = () => path.join(dataDir(), "firmware");
/** Incoming files land here first; same filesystem as the store, so keeping one is an atomic rename. */
export const incomingDir = () => path.join(firmwareDir(), "incoming");
