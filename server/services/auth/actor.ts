import { eq, sql } from "drizzle-orm";
import { type DbExecutor, oncePerDatabase } from "~/db/client";
import { userGroups, users } from "~/db/schema";
import { verifyToken } from "~/server/auth/tokens";
import type { UserActor } from "../context";
import { AuthenticationError } from "../errors";

function userActorQuery(db: DbExecutor) {
  return db
    .select({
      username: users.username,
      isStaff: users.isStaff,
      isActive: users.isActive,
      groupIds: sql<number[]>`array(select ${userGroups.groupId} from ${userGroups} where ${userGroups.userId} = ${users.id} order by ${userGroups.groupId})`,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder("userId")))
    .prepare("user_actor");
}

// Every API request looks its actor up with this one statement: rendered once per database handle and
// sent as a prepared statement (one shape, so the connection keeps one plan), where an unprepared one
// costs postgres.js an extra round trip (describe first) and PostgreSQL a parse and plan per request.
const userActorQueryOf = oncePerDatabase<ReturnType<typeof userActorQuery>, DbExecutor>(userActorQuery);

/** The actor for a user id, or null when the user is gone or deactivated: one read, memberships included. */
export async function loadUserActor(db: DbExecutor, userId: number): Promise<UserActor | null> {
  const [user] = await userActorQueryOf(db).execute({ userId });
  if (!user?.isActive) return null;
  return { kind: "user", userId, username: user.username, isStaff: user.isStaff, groupIds: user.groupIds };
}

/**
 * SimpleJWT's JWTAuthentication: no or non-Bearer header -> not authenticated (null); a Bearer header
 * that does not hold one valid access token for an active user -> its exact 401 body.
 */
export async function authenticateBearer(db: DbExecutor, header: string | null): Promise<UserActor | AuthenticationError | null> {
  const parts = header?.trim().split(/\s+/) ?? [];
  if (parts[0] !== "Bearer") return null;
  if (parts.length !== 2) {
    return new AuthenticationError({ detail: "Authorization header must contain two space-delimited values", code: "bad_authorization_header" });
  }
  const claims = await verifyToken(parts[1]!, "access");
  if (typeof claims === "string") {
    return new AuthenticationError({
      detail: "Given token not valid for any token type",
      code: "token_not_valid",
      messages: [{ token_class: "AccessToken", token_type: "access", message: claims }],
    });
  }
  const actor = await loadUserActor(db, claims.user_id);
  if (actor) return actor;
  const [exists] = await db.select({ id: users.id }).from(users).where(eq(users.id, claims.user_id));
  return new AuthenticationError(exists ? { detail: "User is inactive", code: "user_inactive" } : { detail: "User not found", code: "user_not_found" });
}
