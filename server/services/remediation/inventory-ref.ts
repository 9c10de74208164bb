import { and, asc, desc, eq, ne, notLike, or, sql } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { firmwareBinaries, serverFirmwares, type ServerRow } from "~/db/schema";
import type { ComponentRef } from "~/server/redfish";
import { escapeLike } from "../list/search";
import { MATCH_KEYWORDS } from "../compliance/rules";
import type { ComponentPlan } from "./schemas";
import { redfishComponent } from "./steps";

/**
 * The firmware inventory entry a component's binary matches, as the compliance rules match it
 * (keywords of its type, or its name), preferring the entries classified as that component: where its
 * version is read and, for some BMCs, the update's target.
 * BIOS and BMC are read from the system and the manager instead.
 */
async function inventoryIdOf(db: DbExecutor, serverId: number, plan: ComponentPlan): Promise<string | null> {
  if (plan.firmware_type === "bios" || plan.firmware_type === "bmc") return null;
  const [binary] = await db.select({ name: firmwareBinaries.name }).from(firmwareBinaries).where(eq(firmwareBinaries.id, plan.firmware_id));
  const match = Object.hasOwn(MATCH_KEYWORDS, plan.firmware_type)
    ? sql`${plan.firmware_type} = any(${serverFirmwares.keywordTypes})`
    : sql`lower(${serverFirmwares.name}) like ${`%${escapeLike((binary?.name ?? plan.name).trim().toLowerCase())}%`}`;
  const [entry] = await db
    .select({ odataId: serverFirmwares.odataId })
    .from(serverFirmwares)
    .where(
      and(
        eq(serverFirmwares.serverId, serverId),
        ne(serverFirmwares.version, ""),
        notLike(serverFirmwares.inventoryId, "Previous-%"),
        notLike(serverFirmwares.inventoryId, "Available-%"),
        or(eq(serverFirmwares.state, ""), eq(serverFirmwares.state, "Enabled")),
        match,
      ),
    )
    // Among several candidates (a RAID controller and its drives both say "raid"), the entry the crawl classified as this component first.
    .orderBy(desc(sql`${serverFirmwares.component} = ${redfishComponent(plan.firmware_type)}`), asc(serverFirmwares.name), asc(serverFirmwares.id))
    .limit(1);
  return entry?.odataId || null;
}

/** Where the component's installed version is read on the BMC. */
export async function componentRefOf(db: DbExecutor, server: ServerRow, plan: ComponentPlan): Promise<ComponentRef> {
  return {
    component: redfishComponent(plan.firmware_type),
    systemPath: server.systemPath,
    managerPath: server.managerPath || null,
    inventoryId: await inventoryIdOf(db, server.id, plan),
  };
}
