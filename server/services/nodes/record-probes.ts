import { and, inArray, sql, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { nodes, servers } from "~/db/schema";
import type { RedfishService } from "~/server/redfish/probe";
import { identityOf, nodeLabel, stateAfterProbe, type KnownNode } from "./probed";

const keep = (column: string) => sql.raw(`coalesce(nullif(excluded.${column}, ''), nodes.${column})`);

/**
 * Records the Redfish services a scan identified: one node per address and port, updated in place
 * on every later sighting (never duplicated), with the status rules of `stateAfterProbe`.
 */
export async function recordProbedNodes(db: DbExecutor, scanRangeId: number, services: RedfishService[]): Promise<void> {
  if (!services.length) return;
  await db.transaction(async (tx) => {
    const known = await tx
      .select({
        ip: nodes.ip,
        port: nodes.port,
        status: nodes.status,
        statusMessage: nodes.statusMessage,
        certificateSha256: nodes.certificateSha256,
        // Qualified by hand: drizzle writes a selected column of a one-table query without its table.
        hasServers: sql<boolean>`exists (select 1 from ${servers} where ${servers.nodeId} = ${nodes}.${sql.identifier("id")})`,
      })
      .from(nodes)
      .where(inArray(nodes.ip, [...new Set(services.map((service) => service.host))]))
      .for("update", { of: nodes });
    const byEndpoint = new Map<string, KnownNode>(known.map((node) => [nodeLabel(node), node]));
    const values = services.map((service) => {
      const state = stateAfterProbe(byEndpoint.get(nodeLabel({ ip: service.host, port: service.port })), service.certificateSha256);
      return { ip: service.host, port: service.port, ...identityOf(service), ...state, scanRangeId, lastSeen: sql`now()` };
    });
    await tx
      .insert(nodes)
      .values(values)
      .onConflictDoUpdate({
        target: [nodes.ip, nodes.port],
        set: {
          protocol: sql`excluded.protocol`,
          vendor: keep("vendor"),
          product: keep("product"),
          redfishVersion: keep("redfish_version"),
          uuid: keep("uuid"),
          status: sql`excluded.status`,
          statusMessage: sql`excluded.status_message`,
          certificateSha256: sql`excluded.certificate_sha256`,
          scanRangeId: sql`excluded.scan_range_id`,
          lastSeen: sql`excluded.last_seen`,
          updatedAt: sql`now()`,
        },
      });
  });
}

/** Nodes that exist at these endpoints and did not answer: `unreachable`, with the reason. */
export async function markNodesUnreachable(db: DbExecutor, where: SQL, message: string): Promise<number> {
  const rows = await db
    .update(nodes)
    .set({ status: "unreachable", statusMessage: message, updatedAt: sql`now()` })
    .where(and(where, sql`${nodes.status} <> 'unreachable'`))
    .returning({ id: nodes.id });
  return rows.length;
}
