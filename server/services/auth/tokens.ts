import { eq } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { users } from "~/db/schema";
import { decoyPasswordHash, verifyPassword } from "~/server/auth/passwords";
import { throttledLogin } from "~/server/auth/throttle";
import { issueToken, verifyToken } from "~/server/auth/tokens";
import { tokenSettings } from "~/server/config";
import { AuthenticationError } from "../errors";

// SimpleJWT raises DRF's plain AuthenticationFailed here: a detail without a code (the token views
// still answer 401 with their `WWW-Authenticate` header).
const noAccount = () => new AuthenticationError({ detail: "No active account found with the given credentials" });
const noAccountForToken = () => new AuthenticationError({ detail: "No active account found for the given token." });

/** Username and password for a user row, or null; shared by the token endpoint and the browser login. */
export async function checkCredentials(db: DbExecutor, username: string, password: string) {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !valid || !user.isActive) return null;
  await db.update(users).set({ lastLogin: new Date() }).where(eq(users.id, user.id));
  return user;
}

export async function obtainTokenPair({ db, input, client }: { db: DbExecutor; input: { username: string; password: string }; client: string }) {
  const user = await throttledLogin(db, { client, username: input.username }, () => checkCredentials(db, input.username, input.password));
  if (!user) throw noAccount();
  return { refresh: await issueToken(user.id, "refresh"), access: await issueToken(user.id, "access") };
}

export async function refreshAccessToken({ db, input, client }: { db: DbExecutor; input: { refresh: string }; client: string }) {
  let invalid = "";
  const claims = await throttledLogin(db, { client }, async () => {
    const verified = await verifyToken(input.refresh, "refresh");
    if (typeof verified === "string") invalid = verified;
    return typeof verified === "string" ? null : verified;
  });
  if (!claims) throw new AuthenticationError({ detail: invalid, code: "token_not_valid" });
  const [user] = await db.select({ isActive: users.isActive }).from(users).where(eq(users.id, claims.user_id));
  if (!user?.isActive) throw noAccountForToken();
  const access = await issueToken(claims.user_id, "access");
  return tokenSettings.rotateRefreshTokens ? { access, refresh: await issueToken(claims.user_id, "refresh") } : { access };
}
