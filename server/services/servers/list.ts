import { sql } from "drizzle-orm";
import { nodes, pools, servers, type ServerRow } from "~/db/schema";
import { canonicalVendor } from "~/server/lib/vendors";
import type { Actor, ServiceContext } from "../context";
import { linguistic, mapPage, runList, type ListConfig, type ListQuery } from "../list";
import { poolScope } from "../pools/scope";
import { toServerDtos } from "./dto";
import { serverScope } from "./scope";

const bmcUrl = sql`(select 'https://' || host(${nodes.ip}) || ':' || ${nodes.port} from ${nodes} where ${nodes.id} = ${servers.nodeId})`;
const poolName = sql`(select ${pools.name} from ${pools} where ${pools.id} = ${servers.resourcePoolId})`;

export function serverListConfig(actor: Actor): ListConfig {
  return {
    table: servers,
    primaryKey: servers.id,
    searchFields: [servers.name, servers.model, servers.serialNumber, servers.manufacturer, servers.sku, bmcUrl],
    filters: {
      power_state: { kind: "text", column: servers.powerState, caseInsensitive: true, description: "Redfish power state (`On`, `Off`...), ignoring case." },
      manufacturer: {
        kind: "custom",
        // Vendors, not strings: `?manufacturer=Dell Inc.` finds the servers stored as `Dell`.
        where: (value) => sql`lower(${servers.manufacturer}) = lower(${canonicalVendor(value)})`,
        description: "The vendor (`Dell`, `HPE`...; any spelling a BMC uses, such as `Dell Inc.` or `HP`).",
      },
      model: { kind: "text", column: servers.model, caseInsensitive: true, description: "Exact model, ignoring case." },
      // Another group's pool is refused like an id that names nothing.
      resource_pool: {
        kind: "relation",
        references: pools,
        column: servers.resourcePoolId,
        visible: poolScope(actor),
        description: "Servers assigned to this pool id (not its sub-pools).",
      },
    },
    ordering: {
      name: servers.name,
      model: servers.model,
      serial_number: servers.serialNumber,
      manufacturer: servers.manufacturer,
      sku: servers.sku,
      bios_version: servers.biosVersion,
      power_state: servers.powerState,
      resource_pool__name: linguistic(poolName),
      id: servers.id,
    },
    defaultOrdering: ["id"],
  };
}

/** For the query schema: filter names and ordering are the same for every actor. */
export const serverQueryConfig = serverListConfig({ kind: "system" });

export async function listServers({ ctx, input }: { ctx: ServiceContext; input: ListQuery }) {
  const page = await runList<ServerRow>(serverListConfig(ctx.actor), input, { db: ctx.db, scope: serverScope(ctx.actor), requestUrl: ctx.requestUrl });
  return mapPage(page, (rows) => toServerDtos(ctx.db, rows));
}
