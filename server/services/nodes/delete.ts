import { asc, eq } from "drizzle-orm";
import { nodes, servers } from "~/db/schema";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { requireStaff } from "../permissions";
import { findNodeRow } from "./get";
import { nodeLabel } from "./probed";

/** Staff only (404 first for a node the actor cannot see). A node that still manages servers stays: 400 naming them. */
export async function deleteNode({ ctx, input }: { ctx: ServiceContext; input: { id: number } }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    // The row lock waits out (and then sees) a registration adding a server to this node right now.
    const row = await findNodeRow({ ...ctx, db: tx }, input.id, "update");
    requireStaff(ctx);
    const managed = await tx.select({ id: servers.id, name: servers.name }).from(servers).where(eq(servers.nodeId, row.id)).orderBy(asc(servers.id));
    if (managed.length) {
      const names = managed.map((server) => `"${server.name}" (id ${server.id})`).join(", ");
      const what = managed.length === 1 ? "server" : `${managed.length} servers`;
      throw new ValidationError({ detail: `Node ${nodeLabel(row)} still manages ${what} ${names}: delete ${managed.length === 1 ? "it" : "them"} first.` });
    }
    await tx.delete(nodes).where(eq(nodes.id, row.id));
  });
}
