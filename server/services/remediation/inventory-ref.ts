import { and, asc, desc, eq, ne, notLike, or, type SQL, sql } from "drizzle-orm";
import { type Database, oncePerDatabase } from "~/db/client";
import { serverFirmwares, type ServerRow } from "~/db/schema";
import type { ComponentRef } from "~/server/redfish";
import { escapeLike } from "../list/search";
import { MATCH_KEYWORDS } from "../compliance/rules";
import type { ComponentPlan } from "./schemas";
import { binaryOf } from "./step-binary";
import { redfishComponent } from "./steps";

/**
 * The server's firmware inventory entry that `match` picks, as the compliance rules match it: read, not a previous
 * or available image, and among several candidates (a RAID controller and its drives both say "raid") the entry the
 * crawl classified as the component first. One statement per kind of match, prepared once per database handle (each
 * server's compliance check reads it).
 */
function prepareEntryRead(db: Database, match: SQL, name: string) {
  return db
    .select({ odataId: serverFirmwares.odataId })
    .from(serverFirmwares)
    .where(
      and(
        eq(serverFirmwares.serverId, sql.placeholder("serverId")),
        ne(serverFirmwares.version, ""),
        notLike(serverFirmwares.inventoryId, "Previous-%"),
        notLike(serverFirmwares.inventoryId, "Available-%"),
        or(eq(serverFirmwares.state, ""), eq(serverFirmwares.state, "Enabled")),
        match,
      ),
    )
    .orderBy(desc(sql`${serverFirmwares.component} = ${sql.placeholder("component")}`), asc(serverFirmwares.name), asc(serverFirmwares.id))
    .limit(1)
    .prepare(name);
}

const entryReadsOf = oncePerDatabase((db: Database) => ({
  byKeywords: prepareEntryRead(db, sql`${sql.placeholder("type")} = any(${serverFirmwares.keywordTypes})`, "remediation_entry_by_keywords"),
  byName: prepareEntryRead(db, sql`lower(${serverFirmwares.name}) like ${sql.placeholder("pattern")}`, "remediation_entry_by_name"),
}));

/**
 * The firmware inventory entry a component's binary matches (keywords of its type, or its name), preferring the
 * entries classified as that component: where its version is read and, for some BMCs, the update's target.
 * BIOS and BMC are read from the system and the manager instead.
 */
async function inventoryIdOf(db: Database, serverId: number, plan: ComponentPlan): Promise<string | null> {
  if (plan.firmware_type === "bios" || plan.firmware_type === "bmc") return null;
  const reads = entryReadsOf(db);
  const component = redfishComponent(plan.firmware_type);
  let entries: { odataId: string }[];
  if (Object.hasOwn(MATCH_KEYWORDS, plan.firmware_type)) {
    entries = await reads.byKeywords.execute({ serverId, component, type: plan.firmware_type });
  } else {
    const [binary] = await binaryOf(db).execute({ id: plan.firmware_id });
    const pattern = `%${escapeLike((binary?.name ?? plan.name).trim().toLowerCase())}%`;
    entries = await reads.byName.execute({ serverId, component, pattern });
  }
  return entries[0]?.odataId || null;
}

/** Where the component's installed version is read on the BMC. */
export async function componentRefOf(db: Database, server: ServerRow, plan: ComponentPlan): Promise<ComponentRef> {
  return {
    component: redfishComponent(plan.firmware_type),
    systemPath: server.systemPath,
    managerPath: server.managerPath || null,
    inventoryId: await inventoryIdOf(db, server.id, plan),
  };
}
