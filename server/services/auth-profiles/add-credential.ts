import { eq, sql } from "drizzle-orm";
import { authCredentials } from "~/db/schema";
import { encryptCredentialPassword } from "~/server/auth/credential-crypto";
import type { ServiceContext } from "../context";
import { requireStaff } from "../permissions";
import { toCredentialDto } from "./dto";
import { findAuthProfileRow } from "./get";
import type { CredentialCreateInput } from "./schemas";

/**
 * Appends a credential pair; registration tries them in the order they were added. The password is
 * encrypted before it reaches the database and is never returned.
 */
export async function addCredential({ ctx, input }: { ctx: ServiceContext; input: CredentialCreateInput }) {
  requireStaff(ctx);
  const sealed = encryptCredentialPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    // Locking the profile orders concurrent additions and keeps it from being deleted mid-insert.
    const profile = await findAuthProfileRow({ ...ctx, db: tx }, input.id, "update");
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${authCredentials.position}), -1) + 1`.mapWith(Number) })
      .from(authCredentials)
      .where(eq(authCredentials.authProfileId, profile.id))) as [{ next: number }];
    try {
      const [row] = await tx
        .insert(authCredentials)
        .values({ authProfileId: profile.id, username: input.username, passwordCiphertext: sealed.ciphertext, keyId: sealed.keyId, position: next })
        .returning({ id: authCredentials.id, username: authCredentials.username, createdAt: authCredentials.createdAt });
      return toCredentialDto(row!);
    } catch (error) {
      // drizzle's error message lists the query's parameters (the ciphertext among them): keep only the driver's error.
      throw new Error("Storing a BMC credential failed.", { cause: error instanceof Error ? error.cause : undefined });
    }
  });
}
