import path from "node:path";
import { dataDir } from "~/server/config";
import { env } from "~/server/env";

export const firmwareSettings = {
  /** Largest firmware file accepted, by upload or by download (RACKPILOT_FIRMWARE_MAX_BYTES, default 2 GiB). */
  get maxBytes() {
    return env("RACKPILOT_FIRMWARE_MAX_BYTES");
  },
  /** Whole-download deadline (RACKPILOT_FIRMWARE_DOWNLOAD_TIMEOUT seconds, default 30 minutes). */
  get downloadTimeoutSeconds() {
    return env("RACKPILOT_FIRMWARE_DOWNLOAD_TIMEOUT");
  },
  /** Base URL BMCs use to reach Rackpilot (RACKPILOT_PUBLIC_URL); else the request's own scheme and Host. */
  get publicUrl() {
    return env("RACKPILOT_PUBLIC_URL")?.replace(/\/+$/, "");
  },
};

/** Stored files live at `<dataDir>/firmware/<sha256>`: one copy per content, shared by every binary with it. */
export const firmwareDir = () => path.join(dataDir(), "firmware");
/** Incoming files land here first; same filesystem as the store, so keeping one is an atomic rename. */
export const incomingDir = () => path.join(firmwareDir(), "incoming");
