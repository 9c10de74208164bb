import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb, type DbExecutor } from "~/db/client";
import { nodes, type NodeRow } from "~/db/schema";
import { canonicalVendor } from "~/server/lib/vendors";
import { RedfishError, RedfishProtocolError, type Inventory } from "~/server/redfish";
import { withBmcLease, type BmcLease, type BmcOperation, type BmcOperationKind } from "../bmc-operations";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { nodeLabel } from "../nodes/probed";
import { failRegistration } from "./failure";
import type { RegistrationProfile } from "./profile";
import { readBmc } from "./read-bmc";
import { storeInventory } from "./store";

export type Registration = {
  node: NodeRow;
  profile: RegistrationProfile;
  /** In the transaction that stores the inventory, before it commits (a bulk registration records its node's outcome there). */
  onStored?: (tx: DbExecutor, serverIds: number[]) => Promise<void>;
  /** The BMC's lease is taken for this operation, waiting up to `waitMs` for another one to end. */
  operation: BmcOperation;
  waitMs: number;
};

/**
 * Registers (or refreshes) one BMC: one operation at a time per BMC, then log in with the profile's
 * credentials (the last winner first), crawl, log out, and in ONE transaction create or update a
 * server per system with all its parts, the node `registered` with the profile and winning
 * credential recorded. A BMC that fails puts the node `unreachable` or `error` and answers 400.
 */
export async function registerBmc(ctx: ServiceContext, registration: Registration): Promise<number[]> {
  const { node, profile } = registration;
  if (!node.certificateSha256) {
    throw new ValidationError({ detail: `BMC ${nodeLabel(node)} has no trusted TLS certificate yet: scan its range or accept its certificate first.` });
  }
  const certificate = node.certificateSha256;
  const run = async (lease: BmcLease) => {
    try {
      const { inventory, credentialId } = await readBmc(node, certificate, profile, lease);
      if (!inventory.systems.length) throw new RedfishProtocolError(nodeLabel(node), "its Systems collection lists no computer system to register");
      return await ctx.db.transaction(async (tx) => {
        await lease.assertHeld(tx);
        const [current] = await tx.select().from(nodes).where(eq(nodes.id, node.id)).for("update");
        if (!current) throw new ValidationError({ detail: `Node ${nodeLabel(node)} was deleted during its registration.` });
        const serverIds = await storeInventory(tx, node.id, inventory);
        await tx.update(nodes).set(registeredNode(current, inventory, profile.id, credentialId)).where(eq(nodes.id, node.id));
        await registration.onStored?.(tx, serverIds);
        return serverIds;
      });
    } catch (error) {
      if (error instanceof RedfishError) throw await failRegistration(ctx.db, node, error, profile);
      throw error;
    }
  };
  return withBmcLease(node, registration.operation, { waitMs: registration.waitMs, db: getDb() }, run);
}

function registeredNode(current: NodeRow, inventory: Inventory, authProfileId: number, credentialId: number) {
  return {
    status: "registered",
    statusMessage: "",
    authProfileId,
    credentialId,
    protocol: inventory.protocol,
    // A service root that wanted credentials told the scan nothing: fill in what the crawl read.
    vendor: current.vendor || canonicalVendor(inventory.vendor ?? "").slice(0, 128),
    product: current.product || (inventory.product ?? "").slice(0, 256),
    redfishVersion: current.redfishVersion || (inventory.redfishVersion ?? "").slice(0, 32),
    uuid: current.uuid || (inventory.serviceUuid ?? "").slice(0, 64),
    lastSeen: sql`now()`,
    updatedAt: sql`now()`,
  };
}

/** An operation started by an API call: its own owner (nobody else takes it over), described by who asked. */
export function apiOperation(ctx: ServiceContext, kind: BmcOperationKind, what: string): BmcOperation {
  const who = ctx.actor.kind === "user" ? ctx.actor.username : "the system";
  return { kind, owner: `api:${randomUUID()}`, description: `${what} by ${who}` };
}
