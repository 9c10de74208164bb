import { sql } from "drizzle-orm";
import { servers } from "~/db/schema";
import { canonicalVendor } from "~/server/lib/vendors";
import type { Actor, ServiceContext } from "../context";
import { mapPage, runList, type ListConfig, type ListQuery } from "../list";
import { poolMemberFilters, poolNameOrdering } from "../pools/member-filters";
import { serverBmcUrl, serverDtoColumns, toServerDto, type ServerDtoRow } from "./dto";
import { serverScope } from "./scope";

/** The fields `servers.search_text` holds (db/schema/servers.ts), in its order. */
const STORED_SEARCH_FIELDS = [servers.name, servers.model, servers.serialNumber, servers.manufacturer, servers.sku];

// What `https://<host(ip)>:<port>` can hold: host() writes IPv6 in lower-case hex (`[::ffff:1.2.3.4]`).
const BMC_URL_ALPHABET = /^[0-9a-fhpst:/.[\]]$/i;

// One map for every actor: the list helper keeps the ORDER BY it renders with it.
const SERVER_ORDERING: ListConfig["ordering"] = {
  name: servers.name,
  model: servers.model,
  serial_number: servers.serialNumber,
  manufacturer: servers.manufacturer,
  sku: servers.sku,
  bios_version: servers.biosVersion,
  power_state: servers.powerState,
  resource_pool__name: poolNameOrdering(servers.resourcePoolId),
  protected: servers.protected,
  id: servers.id,
};

export function serverListConfig(actor: Actor): ListConfig {
  return {
    table: servers,
    primaryKey: servers.id,
    searchFields: [...STORED_SEARCH_FIELDS, { expression: serverBmcUrl, alphabet: BMC_URL_ALPHABET }],
    searchText: { column: servers.searchText, covers: STORED_SEARCH_FIELDS },
    filters: {
      power_state: { kind: "text", column: servers.powerState, caseInsensitive: true, description: "Redfish power state (`On`, `Off`...), ignoring case." },
      manufacturer: {
        kind: "custom",
        // Vendors, not strings: `?manufacturer=Dell Inc.` finds the servers stored as `Dell`.
        where: (value) => sql`lower(${servers.manufacturer}) = lower(${canonicalVendor(value)})`,
        description: "The vendor (`Dell`, `HPE`...; any spelling a BMC uses, such as `Dell Inc.` or `HP`).",
      },
      model: { kind: "text", column: servers.model, caseInsensitive: true, description: "Exact model, ignoring case." },
      ...poolMemberFilters(actor, servers.resourcePoolId, "Servers"),
      protected: { kind: "boolean", column: servers.protected, description: "`true`: servers pool-wide remediation skips." },
      tags: { kind: "custom", where: (value) => sql`${value} = any(${servers.tags})`, description: "Servers carrying this tag (exact)." },
    },
    ordering: SERVER_ORDERING,
    defaultOrdering: ["id"],
    columns: serverDtoColumns,
  };
}

/** For the query schema: filter names and ordering are the same for every actor. */
export const serverQueryConfig = serverListConfig({ kind: "system" });

export async function listServers({ ctx, input }: { ctx: ServiceContext; input: ListQuery }) {
  const page = await runList<ServerDtoRow>(serverListConfig(ctx.actor), input, { db: ctx.db, scope: serverScope(ctx.actor), requestUrl: ctx.requestUrl });
  return mapPage(page, (rows) => rows.map(toServerDto));
}
