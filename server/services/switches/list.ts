import { sql } from "drizzle-orm";
import { switches } from "~/db/schema";
import type { Actor, ServiceContext } from "../context";
import { mapPage, runList, type ListConfig, type ListQuery } from "../list";
import { poolMemberFilters, poolNameOrdering } from "../pools/member-filters";
import { toSwitchDto, type SwitchRow } from "./dto";
import { switchScope } from "./scope";

// One map for every actor: the list helper keeps the ORDER BY it renders with it.
const SWITCH_ORDERING: ListConfig["ordering"] = {
  name: switches.name,
  manufacturer: switches.manufacturer,
  model: switches.model,
  serial_number: switches.serialNumber,
  management_ip: switches.managementIp,
  port_count: switches.portCount,
  resource_pool__name: poolNameOrdering(switches.resourcePoolId),
  id: switches.id,
};

export function switchListConfig(actor: Actor): ListConfig {
  return {
    table: switches,
    primaryKey: switches.id,
    searchFields: [switches.name, switches.manufacturer, switches.model, switches.serialNumber, sql`host(${switches.managementIp})`],
    filters: {
      manufacturer: { kind: "text", column: switches.manufacturer, caseInsensitive: true, description: "Exact manufacturer, ignoring case." },
      model: { kind: "text", column: switches.model, caseInsensitive: true, description: "Exact model, ignoring case." },
      ...poolMemberFilters(actor, switches.resourcePoolId, "Switches"),
    },
    ordering: SWITCH_ORDERING,
    defaultOrdering: ["id"],
  };
}

/** For the query schema: filter names and ordering are the same for every actor. */
export const switchQueryConfig = switchListConfig({ kind: "system" });

export async function listSwitches({ ctx, input }: { ctx: ServiceContext; input: ListQuery }) {
  const page = await runList<SwitchRow>(switchListConfig(ctx.actor), input, { db: ctx.db, scope: switchScope(ctx.actor), requestUrl: ctx.requestUrl });
  return mapPage(page, (rows) => rows.map(toSwitchDto));
}
