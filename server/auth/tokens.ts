import { randomUUID } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { tokenSettings } from "../config";
import { deriveKey } from "./keys";

export type TokenType = "access" | "refresh";
export type TokenClaims = { token_type: TokenType; user_id: number; exp: number; iat: number; jti: string };
/** SimpleJWT's three ways a token can be rejected. */
export type TokenProblem = "Token is invalid" | "Token is expired" | "Token has wrong type";

const key = () => deriveKey("jwt");

export async function issueToken(userId: number, tokenType: TokenType): Promise<string> {
  const lifetime = tokenType === "access" ? tokenSettings.accessLifetimeSeconds : tokenSettings.refreshLifetimeSeconds;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ token_type: tokenType, user_id: userId, jti: randomUUID().replaceAll("-", "") })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime)
    .sign(key());
}

export async function verifyToken(token: string, expected: TokenType): Promise<TokenClaims | TokenProblem> {
  try {
    const { payload } = await jwtVerify(token, key(), { algorithms: ["HS256"] });
    if (typeof payload.user_id !== "number" || typeof payload.token_type !== "string") return "Token is invalid";
    if (payload.token_type !== expected) return "Token has wrong type";
    return payload as unknown as TokenClaims;
  } catch (error) {
    return error instanceof errors.JWTExpired ? "Token is expired" : "Token is invalid";
  }
}
