import { eq, sql } from "drizzle-orm";
import { nodes, servers } from "~/db/schema";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { requireStaff } from "../permissions";
import { activeRequestReason, activeRequestsFor } from "../requests";
import { findServerRow } from "./get";

/**
 * Forgets a server (staff only; never one in an active request). Its node goes back to `discovered`
 * when it manages no other server, so it can be registered again.
 */
export async function deleteServer({ ctx, input }: { ctx: ServiceContext; input: { id: number } }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await findServerRow({ ...ctx, db: tx }, input.id, "update");
    requireStaff(ctx);
    const active = (await activeRequestsFor(tx, [row.id])).get(row.id);
    if (active) throw new ValidationError({ detail: activeRequestReason(active) });
    await tx.delete(servers).where(eq(servers.id, row.id));
    if (row.nodeId === null) return;
    // The node's row lock orders this against a registration adding a server to the same node.
    await tx.select({ id: nodes.id }).from(nodes).where(eq(nodes.id, row.nodeId)).for("update");
    if ((await tx.$count(servers, eq(servers.nodeId, row.nodeId))) === 0) {
      await tx.update(nodes).set({ status: "discovered", statusMessage: "", updatedAt: sql`clock_timestamp()` }).where(eq(nodes.id, row.nodeId));
    }
  });
}
