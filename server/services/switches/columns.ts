import type { switches } from "~/db/schema";
import type { SwitchCreateInput } from "./schemas";

/** The columns for the sent fields (an omitted field stays undefined, which drizzle leaves alone). */
export function switchColumns(values: Partial<SwitchCreateInput>): Partial<typeof switches.$inferInsert> {
  return {
    name: values.name,
    manufacturer: values.manufacturer,
    model: values.model,
    serialNumber: values.serial_number,
    managementIp: values.management_ip,
    portCount: values.port_count,
    resourcePoolId: values.resource_pool,
  };
}
