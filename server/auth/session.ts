import { getServerSession } from "next-auth";
import { getDb } from "~/db/client";
import { loadUserActor } from "../services/auth/actor";
import type { UserActor } from "../services/context";
import { authOptions } from "./next-auth";

/** The signed-in browser user, re-read from the database so deactivation takes effect at once. */
export async function currentSessionActor(): Promise<UserActor | null> {
  const session = (await getServerSession(authOptions())) as { userId?: number } | null;
  if (!session?.userId) return null;
  return loadUserActor(getDb(), session.userId);
}
