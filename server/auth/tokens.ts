import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { SignJWT } from "jose";
import { rootSecret, tokenSettings } from "../config";
import { deriveKey } from "./keys";

export type TokenType = "access" | "refresh";
export type TokenClaims = { token_type: TokenType; user_id: number; exp: number; iat: number; jti: string };
/** SimpleJWT's three ways a token can be rejected. */
export type TokenProblem = "Token is invalid" | "Token is expired" | "Token has wrong type";

// Every API request verifies a token: the key is derived once per root secret, not per request.
let cachedKey: { secret: string; key: Buffer } | undefined;
function key(): Buffer {
  const secret = rootSecret();
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: deriveKey("jwt") };
  return cachedKey.key;
}

export async function issueToken(userId: number, tokenType: TokenType): Promise<string> {
  const lifetime = tokenType === "access" ? tokenSettings.accessLifetimeSeconds : tokenSettings.refreshLifetimeSeconds;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ token_type: tokenType, user_id: userId, jti: randomUUID().replaceAll("-", "") })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime)
    .sign(key());
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;

function decodeJson(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * A compact HS256 JWS checked with node:crypto, synchronously: WebCrypto's verify (what jose uses)
 * goes through the thread pool and was the largest share of an API request's own CPU time. Only
 * `alg: HS256` without `crit` is accepted; `exp`, `iat` and `nbf`, when present, must be numbers,
 * and `exp` and `nbf` must hold (as jose checks them).
 */
function verifiedPayload(token: string): Record<string, unknown> | TokenProblem {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part))) return "Token is invalid";
  const [header, payload, signature] = parts as [string, string, string];
  const protectedHeader = decodeJson(header);
  if (protectedHeader?.alg !== "HS256" || "crit" in protectedHeader) return "Token is invalid";
  const expected = createHmac("sha256", key()).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "Token is invalid";
  const claims = decodeJson(payload);
  if (!claims) return "Token is invalid";
  const now = Math.floor(Date.now() / 1000);
  if (["exp", "iat"].some((name) => claims[name] !== undefined && typeof claims[name] !== "number")) return "Token is invalid";
  if (claims.nbf !== undefined && (typeof claims.nbf !== "number" || claims.nbf > now)) return "Token is invalid";
  if (typeof claims.exp === "number" && claims.exp <= now) return "Token is expired";
  return claims;
}

export async function verifyToken(token: string, expected: TokenType): Promise<TokenClaims | TokenProblem> {
  const payload = verifiedPayload(token);
  if (typeof payload === "string") return payload;
  if (typeof payload.user_id !== "number" || typeof payload.token_type !== "string") return "Token is invalid";
  if (payload.token_type !== expected) return "Token has wrong type";
  return payload as unknown as TokenClaims;
}
