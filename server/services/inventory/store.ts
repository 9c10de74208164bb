import { and, asc, eq, notInArray, sql, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { serverEthernetInterfaces, serverProcessors, servers, serverStorages, type ServerRow } from "~/db/schema";
import type { Inventory, SystemInventory } from "~/server/redfish";
import { storeFirmwares } from "./firmware-diff";
import { defaultServerName, meaningfulUuid, serverColumns, serverParts, type ServerParts } from "./rows";

/**
 * Creates or updates one server per system of the BMC, with all its parts, in the caller's
 * transaction; answers their ids in the BMC's order. An existing server is found by the system's
 * UUID, then its serial number (same vendor), then its place on this BMC, so registering again
 * never duplicates, and a server that moved to another BMC follows it. A name the operator set is kept.
 */
export async function storeInventory(tx: DbExecutor, nodeId: number, inventory: Inventory): Promise<number[]> {
  await lockIdentities(tx, inventory.systems);
  const ids: number[] = [];
  for (const system of inventory.systems) {
    const columns = { ...serverColumns(system, inventory, nodeId), inventoryUpdatedAt: sql`now()`, updatedAt: sql`now()` };
    const name = defaultServerName(system, inventory.bmc);
    const existing = await findServerFor(tx, nodeId, system, columns.manufacturer ?? "", ids);
    let id: number;
    if (existing) {
      await tx
        .update(servers)
        .set({ ...columns, name: existing.nameSetByOperator ? undefined : name })
        .where(eq(servers.id, existing.id));
      id = existing.id;
    } else {
      id = (await tx.insert(servers).values({ ...columns, name }).returning({ id: servers.id }))[0]!.id;
    }
    await replaceParts(tx, id, serverParts(system));
    ids.push(id);
  }
  return ids;
}

/**
 * Two BMCs reporting the same system at once (a server moved mid-scan) would each find no server
 * and both insert it: their transactions take turns per identity instead, in one order (no deadlock).
 */
async function lockIdentities(tx: DbExecutor, systems: SystemInventory[]) {
  const keys = [...new Set(systems.flatMap((system) => [meaningfulUuid(system.uuid), system.serialNumber?.trim() ?? ""]).filter(Boolean))].sort();
  for (const key of keys) await tx.execute(sql`select pg_advisory_xact_lock(hashtext('rackpilot:server-identity'), hashtext(${key}))`);
}

async function findServerFor(tx: DbExecutor, nodeId: number, system: SystemInventory, manufacturer: string, claimed: number[]): Promise<ServerRow | undefined> {
  const uuid = meaningfulUuid(system.uuid);
  const serial = system.serialNumber?.trim() ?? "";
  const candidates: SQL[] = [];
  if (uuid) candidates.push(sql`lower(${servers.uuid}) = ${uuid}`);
  if (serial) candidates.push(and(eq(servers.serialNumber, serial), sql`lower(${servers.manufacturer}) = lower(${manufacturer})`)!);
  candidates.push(and(eq(servers.nodeId, nodeId), eq(servers.systemPath, system.odataId))!);
  for (const match of candidates) {
    const [row] = await tx
      .select()
      .from(servers)
      .where(and(match, claimed.length ? notInArray(servers.id, claimed) : undefined))
      // The one on this BMC first, should a UUID ever have been stored twice.
      .orderBy(sql`${servers.nodeId} is distinct from ${nodeId}`, asc(servers.id))
      .limit(1)
      .for("update");
    if (row) return row;
  }
  return undefined;
}

const PART_TABLES = {
  processors: serverProcessors,
  ethernetInterfaces: serverEthernetInterfaces,
  storages: serverStorages,
} as const;

async function replaceParts(tx: DbExecutor, serverId: number, parts: ServerParts) {
  for (const [kind, table] of Object.entries(PART_TABLES) as [keyof typeof PART_TABLES, (typeof PART_TABLES)[keyof typeof PART_TABLES]][]) {
    await tx.delete(table).where(eq(table.serverId, serverId));
    const rows = parts[kind].map((row) => ({ ...row, serverId }));
    if (rows.length) await tx.insert(table).values(rows as never);
  }
  await storeFirmwares(tx, serverId, parts.firmwares);
}
