import { sql } from "drizzle-orm";
import { nodes, scanRanges, type NodeRow } from "~/db/schema";
import { canonicalVendor } from "~/server/lib/vendors";
import type { ServiceContext } from "../context";
import { mapPage, runList, type ListConfig, type ListQuery } from "../list";
import { toNodeDtos } from "./dto";
import { NODE_STATUSES } from "./schemas";
import { nodeScope } from "./scope";

const url = sql`'https://' || host(${nodes.ip}) || ':' || ${nodes.port}`;

export const nodeListConfig: ListConfig = {
  table: nodes,
  primaryKey: nodes.id,
  searchFields: [nodes.vendor, nodes.product, nodes.status, url],
  filters: {
    status: { kind: "choice", column: nodes.status, choices: NODE_STATUSES },
    scan_range: { kind: "relation", references: scanRanges, column: nodes.scanRangeId, description: "Nodes found last by this scan range id." },
    vendor: {
      kind: "custom",
      // Vendors, not strings: `?vendor=Dell Inc.` or `?vendor=hp` find the nodes stored as `Dell` or `HPE`.
      where: (value) => sql`lower(${nodes.vendor}) = lower(${canonicalVendor(value)})`,
      description: "The vendor (`Dell`, `HPE`...; any spelling a BMC uses, such as `Dell Inc.` or `HP`).",
    },
  },
  ordering: {
    id: nodes.id,
    // Addresses order numerically (127.0.0.2 before 127.0.0.10): inet compares that way.
    ip: nodes.ip,
    port: nodes.port,
    vendor: nodes.vendor,
    product: nodes.product,
    status: nodes.status,
    last_seen: nodes.lastSeen,
  },
  defaultOrdering: ["ip", "port"],
};

/** Staff see every node; others only the nodes of servers they may see. */
export async function listNodes({ ctx, input }: { ctx: ServiceContext; input: ListQuery }) {
  const page = await runList<NodeRow>(nodeListConfig, input, { db: ctx.db, scope: nodeScope(ctx.actor), requestUrl: ctx.requestUrl });
  return mapPage(page, (rows) => toNodeDtos(ctx.db, ctx.actor, rows));
}
