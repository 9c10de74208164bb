import { eq, sql } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { nodes, type NodeRow } from "~/db/schema";
import { BmcUnreachableError, NoCredentialAcceptedError, type RedfishError } from "~/server/redfish";
import { ValidationError } from "../errors";
import type { RegistrationProfile } from "./profile";

/**
 * The operator's reading of a failed conversation with a BMC: the node's new status and the
 * message (which names the BMC) that both the node and the 400 answer carry.
 */
export function describeBmcFailure(error: RedfishError, profile: RegistrationProfile): { status: "unreachable" | "error"; message: string } {
  if (error instanceof BmcUnreachableError) return { status: "unreachable", message: error.message };
  if (error instanceof NoCredentialAcceptedError) {
    const tried = error.tried.length === 1 ? "its only credential was refused" : `all ${error.tried.length} of its credentials were refused`;
    return { status: "error", message: `BMC ${error.bmc} accepted no credential of auth profile "${profile.name}" (id ${profile.id}): ${tried}.` };
  }
  return { status: "error", message: error.message };
}

/** Records the failure on the node and answers the 400 that reports it. */
export async function failRegistration(db: DbExecutor, node: NodeRow, error: RedfishError, profile: RegistrationProfile): Promise<ValidationError> {
  const { status, message } = describeBmcFailure(error, profile);
  await db
    .update(nodes)
    .set({
      status,
      statusMessage: message,
      // Anything but silence means the BMC answered.
      lastSeen: status === "unreachable" ? undefined : sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(nodes.id, node.id));
  return new ValidationError({ detail: message });
}
