import { eq, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { nodes, servers } from "~/db/schema";
import type { FirmwareReading } from "~/server/redfish";
import type { BmcLease } from "../bmc-operations";
import { firmwareColumns, firmwareRows } from "./rows";
import { storeFirmwares } from "./store";

/**
 * After a firmware update (remediation), stores what a flash changes, as the caller read it through its logged-in
 * client (`readFirmwareInventory`): each system's BIOS version, its BMC's firmware version and its firmware inventory.
 * One transaction under the lease the caller holds, on the servers of this BMC found by their system path, writing
 * only the firmware entries that changed. Processors, memory, NICs and storage are not read nor touched (a flash does
 * not change them: a refresh or registration re-reads them). A system with no server on record is left to the next
 * registration. Answers the ids of the servers written. Each remediated server ends with it, so its statements go
 * prepared (drizzle sends the others unnamed, parsed and planned on every call); a transaction's handle is new each
 * time, so they are built per call, not kept.
 */
export function storeFirmwareReading(db: Database, reading: FirmwareReading, nodeId: number, lease: BmcLease): Promise<number[]> {
  return db.transaction(async (tx) => {
    await lease.assertHeld(tx);
    const stored = await tx
      .select({ id: servers.id, systemPath: servers.systemPath })
      .from(servers)
      .where(eq(servers.nodeId, nodeId))
      .for("update")
      .prepare("inventory_firmware_servers")
      .execute();
    const ids: number[] = [];
    for (const system of reading.systems) {
      const server = stored.find((row) => row.systemPath === system.odataId);
      if (!server) continue;
      await tx
        .update(servers)
        .set({ ...firmwareColumns(system), inventoryUpdatedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(servers.id, server.id))
        .prepare("inventory_firmware_versions")
        .execute();
      await storeFirmwares(tx, server.id, firmwareRows(system));
      ids.push(server.id);
    }
    await tx.update(nodes).set({ lastSeen: sql`now()` }).where(eq(nodes.id, nodeId)).prepare("inventory_node_seen").execute();
    return ids;
  });
}
