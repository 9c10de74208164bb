import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { SignJWT } from "jose";
import { rootSecret, tokenSettings } from "../config";
import { deriveKey } from "./keys";

export type TokenType = "access" | "refresh";
export type TokenClaims = { token_type: TokenType; user_id: number; exp: number; iat: number; jti: string };
/** SimpleJWT's three ways a token can be rejected. */
export type TokenProblem = "Token is invalid" | "Token is expired" | "Token has wrong type";

// Every API request verifies a token, and a client sends the same one many times: the key is derived
// once per root secret, and the claims of a token whose signature held are kept with that key (only
// tokens signed with it get in; a new secret starts an empty set).
const VERIFIED_TOKENS_KEPT = 1024;
let signing: { secret: string; key: Buffer; verified: Map<string, Record<string, unknown>> } | undefined;
function currentSigning() {
  const secret = rootSecret();
  if (signing?.secret !== secret) signing = { secret, key: deriveKey("jwt"), verified: new Map() };
  return signing;
}
const key = () => currentSigning().key;

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
 * The claims of a compact HS256 JWS checked with node:crypto, synchronously: WebCrypto's verify (what
 * jose uses) goes through the thread pool and was the largest share of an API request's own CPU time.
 * Only `alg: HS256` without `crit` is accepted; `exp`, `iat` and `nbf`, when present, must be numbers.
 */
function signedClaims(token: string): Record<string, unknown> | null {
  const { key, verified } = currentSigning();
  const known = verified.get(token);
  if (known) return known;
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part))) return null;
  const [header, payload, signature] = parts as [string, string, string];
  const protectedHeader = decodeJson(header);
  if (protectedHeader?.alg !== "HS256" || "crit" in protectedHeader) return null;
  const expected = createHmac("sha256", key).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = decodeJson(payload);
  if (!claims || ["exp", "iat", "nbf"].some((name) => claims[name] !== undefined && typeof claims[name] !== "number")) return null;
  if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!);
  verified.set(token, Object.freeze(claims));
  return claims;
}

/** A token's claims when its signature holds and its `exp` and `nbf` do now (as jose checks them). */
function verifiedPayload(token: string): Record<string, unknown> | TokenProblem {
  const claims = signedClaims(token);
  if (!claims) return "Token is invalid";
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.nbf === "number" && claims.nbf > now) return "Token is invalid";
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
