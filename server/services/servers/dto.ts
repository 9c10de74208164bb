import { inArray } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { nodes, type ServerRow } from "~/db/schema";
import { isoDateTime, isoDateTimeOrNull } from "~/server/lib/fields";
import type { ServerDto } from "./schemas";

export const bmcUrl = (node: { ip: string; port: number }) => `https://${node.ip}:${node.port}`;

/** Batch-maps rows to DTOs: one read of their nodes for any number of servers. */
export async function toServerDtos(db: DbExecutor, rows: ServerRow[]): Promise<ServerDto[]> {
  const nodeIds = [...new Set(rows.flatMap((row) => (row.nodeId === null ? [] : [row.nodeId])))];
  const found = nodeIds.length ? await db.select({ id: nodes.id, ip: nodes.ip, port: nodes.port }).from(nodes).where(inArray(nodes.id, nodeIds)) : [];
  const urls = new Map(found.map((node) => [node.id, bmcUrl(node)]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    manufacturer: row.manufacturer,
    manufacturer_reported: row.manufacturerReported,
    model: row.model,
    sku: row.sku,
    serial_number: row.serialNumber,
    uuid: row.uuid,
    hostname: row.hostname,
    power_state: row.powerState,
    bios_version: row.biosVersion,
    bmc_firmware_version: row.bmcFirmwareVersion,
    bmc_url: row.nodeId === null ? null : (urls.get(row.nodeId) ?? null),
    node: row.nodeId,
    resource_pool: row.resourcePoolId,
    processor_count: row.processorCount,
    processor_model: row.processorModel,
    memory_gib: row.memoryGib,
    protected: row.protected,
    description: row.description,
    tags: row.tags,
    inventory_updated_at: isoDateTimeOrNull(row.inventoryUpdatedAt),
    created_at: isoDateTime(row.createdAt),
    updated_at: isoDateTime(row.updatedAt),
  }));
}

export async function toServerDto(db: DbExecutor, row: ServerRow): Promise<ServerDto> {
  const [dto] = await toServerDtos(db, [row]);
  return dto!;
}
