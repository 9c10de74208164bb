import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "./env";

export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), env("RACKPILOT_DATA_DIR"));
}

export const tokenSettings = {
  get accessLifetimeSeconds() {
    return env("RACKPILOT_ACCESS_TOKEN_LIFETIME");
  },
  get refreshLifetimeSeconds() {
    return env("RACKPILOT_REFRESH_TOKEN_LIFETIME");
  },
  get rotateRefreshTokens() {
    return env("RACKPILOT_ROTATE_REFRESH_TOKENS");
  },
};

let cachedSecret: string | undefined;

/** RACKPILOT_SECRET, or a random secret generated once and kept (mode 0600) in the data dir. */
export function rootSecret(): string {
  const configured = env("RACKPILOT_SECRET");
  if (configured) return configured;
  if (cachedSecret) return cachedSecret;
  const file = path.join(dataDir(), "secret");
  try {
    cachedSecret = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir(), { recursive: true });
    const generated = randomBytes(32).toString("base64url");
    try {
      writeFileSync(file, generated, { mode: 0o600, flag: "wx" });
    } catch {
      // Another process (web or worker) created it first: use theirs.
    }
    cachedSecret = readFileSync(file, "utf8").trim();
  }
  return cachedSecret;
}
