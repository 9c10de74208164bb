import { eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { serverEthernetInterfaces, serverFirmwares, serverProcessors, serverStorages } from "~/db/schema";
import type { ServiceContext } from "../context";
import { mapPage, runList, type ListConfig, type ListQuery } from "../list";
import { findServerRow } from "./get";
import { FIRMWARE_COMPONENTS } from "~/db/schema/choices";

type PartTable = PgTable & { id: PgColumn; serverId: PgColumn; inventoryId: PgColumn };

/** A server's parts are bare arrays unless paged, like the firmware catalog. */
function partListConfig(table: PartTable, extra: Pick<ListConfig, "searchFields" | "filters"> & { ordering?: ListConfig["ordering"] }): ListConfig {
  return {
    table,
    primaryKey: table.id,
    searchFields: extra.searchFields,
    filters: extra.filters,
    ordering: { id: table.id, inventory_id: table.inventoryId, ...extra.ordering },
    defaultOrdering: ["inventory_id"],
    bareArrayUnlessPaged: true,
  };
}

export const processorListConfig = partListConfig(serverProcessors, {
  searchFields: [serverProcessors.model, serverProcessors.socket],
  filters: {},
});
export const ethernetInterfaceListConfig = partListConfig(serverEthernetInterfaces, {
  searchFields: [serverEthernetInterfaces.name, serverEthernetInterfaces.macAddress],
  filters: {},
});
export const storageListConfig = partListConfig(serverStorages, { searchFields: [serverStorages.name], filters: {} });
export const serverFirmwareListConfig = partListConfig(serverFirmwares, {
  searchFields: [serverFirmwares.name, serverFirmwares.version, serverFirmwares.softwareId],
  filters: { component: { kind: "choice", column: serverFirmwares.component, choices: FIRMWARE_COMPONENTS } },
  ordering: { name: serverFirmwares.name, component: serverFirmwares.component },
});

type PartRow<T extends PartTable> = T["$inferSelect"];

/** Lists one kind of part of a server the actor may see (404 otherwise), as DTOs. */
function partLister<T extends PartTable, Dto>(table: T, config: ListConfig, toDto: (row: PartRow<T>) => Dto) {
  return async ({ ctx, input }: { ctx: ServiceContext; input: ListQuery & { id: number } }) => {
    const server = await findServerRow(ctx, input.id);
    const page = await runList<PartRow<T>>(config, input, { db: ctx.db, scope: eq(table.serverId, server.id), requestUrl: ctx.requestUrl });
    return mapPage(page, (rows) => rows.map(toDto));
  };
}

export const listProcessors = partLister(serverProcessors, processorListConfig, (row) => ({
  id: row.id,
  inventory_id: row.inventoryId,
  socket: row.socket,
  manufacturer: row.manufacturer,
  model: row.model,
  total_cores: row.totalCores,
  total_threads: row.totalThreads,
  max_speed_mhz: row.maxSpeedMhz,
  serial_number: row.serialNumber,
  part_number: row.partNumber,
}));

export const listEthernetInterfaces = partLister(serverEthernetInterfaces, ethernetInterfaceListConfig, (row) => ({
  id: row.id,
  inventory_id: row.inventoryId,
  name: row.name,
  mac_address: row.macAddress,
  speed_mbps: row.speedMbps,
  link_status: row.linkStatus,
  ipv4_addresses: row.ipv4Addresses,
  ipv6_addresses: row.ipv6Addresses,
}));

export const listStorages = partLister(serverStorages, storageListConfig, (row) => ({
  id: row.id,
  inventory_id: row.inventoryId,
  name: row.name,
  controllers: row.controllers,
  drives: row.drives,
  volumes: row.volumes,
}));

export const listServerFirmwares = partLister(serverFirmwares, serverFirmwareListConfig, (row) => ({
  id: row.id,
  inventory_id: row.inventoryId,
  name: row.name,
  version: row.version,
  software_id: row.softwareId,
  updateable: row.updateable,
  component: row.component as (typeof FIRMWARE_COMPONENTS)[number],
}));
