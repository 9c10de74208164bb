import { and, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { servers, type ServerRow } from "~/db/schema";
import { isoDateTime, isoDateTimeOrNull } from "~/server/lib/fields";
import type { ServerDto } from "./schemas";

const host = (ip: string) => (ip.includes(":") ? `[${ip}]` : ip);

/** The BMC's Redfish base URL for a node row. */
export const bmcUrl = (node: { ip: string; port: number }) => `https://${host(node.ip)}:${node.port}`;

/**
 * The same URL in SQL, for a server's node: listed and searched in the server's own read. Spelled
 * out: drizzle leaves select-list columns unqualified, which would break the correlation.
 */
export const serverBmcUrl = sql<string | null>`(select 'https://' || case when family(nodes.ip) = 6 then '[' || host(nodes.ip) || ']' else host(nodes.ip) end || ':' || nodes.port from nodes where nodes.id = servers.node_id)`;

/** What a server's DTO needs beyond its row, computed in the same read. */
export const serverDtoColumns = { bmcUrl: serverBmcUrl };

export type ServerDtoRow = ServerRow & { bmcUrl: string | null };

export function toServerDto(row: ServerDtoRow): ServerDto {
  return {
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
    bmc_url: row.bmcUrl,
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
  };
}

/** One server's DTO in one read (within the caller's transaction after a write), or undefined. */
export async function readServerDto(db: DbExecutor, id: number, scope?: SQL): Promise<ServerDto | undefined> {
  const [row] = await db
    .select({ ...getTableColumns(servers), ...serverDtoColumns })
    .from(servers)
    .where(and(eq(servers.id, id), scope));
  return row && toServerDto(row);
}
