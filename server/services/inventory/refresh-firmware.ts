import { and, eq, exists, sql } from "drizzle-orm";
import { type Database, oncePerDatabase } from "~/db/client";
import { nodes, servers } from "~/db/schema";
import type { FirmwareReading } from "~/server/redfish";
import { type BmcLease, BmcLeaseLostError, preparedLeaseHeld } from "../bmc-operations";
import { firmwareDiff } from "./firmware-diff";
import { firmwareColumns, firmwareRows } from "./rows";

const param = (name: string) => sql.placeholder(name);

function prepareReadingStore(db: Database) {
  // Nothing is written without the caller's lease, kept from changing hands until the statement ends.
  const held = db.$with("held").as(preparedLeaseHeld(db));
  const reading = sql`json_to_recordset(${param("systems")}::json) as reading(
    position int, "systemPath" text, "biosVersion" ${sql.raw(servers.biosVersion.getSQLType())},
    "bmcFirmwareVersion" ${sql.raw(servers.bmcFirmwareVersion.getSQLType())}, firmwares json)`;
  // Each system with a server on record at its path on this BMC (the others are left to the next registration).
  const written = db.$with("written", {}).as(
    sql`update ${servers} set bios_version = reading."biosVersion", bmc_firmware_version = reading."bmcFirmwareVersion", inventory_updated_at = now(), updated_at = now()
      from ${reading}
      where ${servers.nodeId} = ${param("nodeId")} and ${servers.systemPath} = reading."systemPath" and exists (select from ${held})
      returning ${servers.id} as server_id, reading.position, reading.firmwares`,
  );
  const seen = db.$with("seen").as(
    db
      .update(nodes)
      .set({ lastSeen: sql`now()` })
      .where(and(eq(nodes.id, param("nodeId")), exists(db.select().from(held))))
      .returning({ id: nodes.id }),
  );
  return db
    .with(held, written, ...firmwareDiff(db, written), seen)
    .select({
      held: sql<boolean>`exists (select from ${held})`,
      ids: sql<number[]>`array(select server_id from ${written} order by position)`,
    })
    .from(sql`(values (1)) as one`)
    .prepare("inventory_store_firmware_reading");
}

// Each remediated server ends with it: built once per database handle, sent prepared.
const readingStoreOf = oncePerDatabase(prepareReadingStore);

/**
 * After a firmware update (remediation), stores what a flash changes, as the caller read it through its logged-in
 * client (`readFirmwareInventory`): each system's BIOS version, its BMC's firmware version and its firmware inventory
 * (only the entries that changed: `firmwareDiff`), on the servers of this BMC found by their system path, and the
 * node seen. One statement (one round trip, atomic), writing nothing unless the caller still holds `lease`
 * (`BmcLeaseLostError`). Processors, memory, NICs and storage are not read nor touched (a flash does not change
 * them: a refresh or registration re-reads them). A system with no server on record is left to the next
 * registration. Answers the ids of the servers written, in the reading's order.
 */
export async function storeFirmwareReading(db: Database, reading: FirmwareReading, nodeId: number, lease: BmcLease): Promise<number[]> {
  const systems = reading.systems.map((system, position) => ({ position, systemPath: system.odataId, ...firmwareColumns(system), firmwares: firmwareRows(system) }));
  const [answer] = await readingStoreOf(db).execute({ leaseNodeId: lease.nodeId, leaseToken: lease.token, nodeId, systems: JSON.stringify(systems) });
  if (!answer?.held) throw new BmcLeaseLostError(lease.nodeId);
  return answer.ids;
}
