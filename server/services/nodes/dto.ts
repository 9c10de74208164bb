import { and, asc, inArray } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { servers, type NodeRow } from "~/db/schema";
import { isoDateTimeOrNull } from "~/server/lib/fields";
import type { Actor } from "../context";
import { bmcUrl } from "../servers/dto";
import { serverScope } from "../servers/scope";
import type { NodeDto, NodeStatus } from "./schemas";

/** Batch-maps rows to DTOs: one read of their servers (those the actor may see) for any number of nodes. */
export async function toNodeDtos(db: DbExecutor, actor: Actor, rows: NodeRow[]): Promise<NodeDto[]> {
  const ids = rows.map((row) => row.id);
  const managed = ids.length
    ? await db
        .select({ id: servers.id, nodeId: servers.nodeId })
        .from(servers)
        .where(and(inArray(servers.nodeId, ids), serverScope(actor)))
        .orderBy(asc(servers.id))
    : [];
  const byNode = new Map<number, number[]>();
  for (const server of managed) byNode.set(server.nodeId!, [...(byNode.get(server.nodeId!) ?? []), server.id]);
  return rows.map((row) => {
    const serverIds = byNode.get(row.id) ?? [];
    return {
      id: row.id,
      url: bmcUrl(row),
      ip: row.ip,
      port: row.port,
      vendor: row.vendor,
      product: row.product,
      redfish_version: row.redfishVersion,
      uuid: row.uuid,
      status: row.status as NodeStatus,
      status_message: row.statusMessage,
      scan_range: row.scanRangeId,
      auth_profile: row.authProfileId,
      certificate_sha256: row.certificateSha256,
      server: serverIds[0] ?? null,
      servers: serverIds,
      last_seen: isoDateTimeOrNull(row.lastSeen),
    };
  });
}

export async function toNodeDto(db: DbExecutor, actor: Actor, row: NodeRow): Promise<NodeDto> {
  const [dto] = await toNodeDtos(db, actor, [row]);
  return dto!;
}
