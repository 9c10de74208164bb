import type { switches } from "~/db/schema";
import { isoDateTime } from "~/server/lib/fields";
import type { SwitchDto } from "./schemas";

export type SwitchRow = typeof switches.$inferSelect;

export function toSwitchDto(row: SwitchRow): SwitchDto {
  return {
    id: row.id,
    name: row.name,
    manufacturer: row.manufacturer,
    model: row.model,
    serial_number: row.serialNumber,
    management_ip: row.managementIp,
    port_count: row.portCount,
    resource_pool: row.resourcePoolId,
    created_at: isoDateTime(row.createdAt),
    updated_at: isoDateTime(row.updatedAt),
  };
}
