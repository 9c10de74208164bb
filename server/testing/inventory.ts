import type { DbExecutor } from "~/db/client";
import { nodes, serverEthernetInterfaces, serverFirmwares, serverProcessors, servers, serverStorages } from "~/db/schema";
import { canonicalVendor } from "../lib/vendors";

type NodeInsert = typeof nodes.$inferInsert;
type ServerInsert = typeof servers.$inferInsert;
type FirmwareInsert = Omit<typeof serverFirmwares.$inferInsert, "serverId">;

let counter = 0;

/** A node as a scan would record it (loopback addresses only, unique per call). */
export async function createTestNode(db: DbExecutor, values: Partial<NodeInsert> = {}) {
  const n = ++counter;
  const [node] = await db
    .insert(nodes)
    .values({ ip: `127.90.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`, port: 443, vendor: "Dell", product: "Integrated Dell Remote Access Controller", ...values })
    .returning();
  return node!;
}

/**
 * A server with the inventory a registration would store, for tests of features built on servers.
 * `manufacturer` is the BMC's own string: the canonical name is derived as registration does.
 * Without `nodeId`, a registered node is created for it.
 */
export async function createTestServer(
  db: DbExecutor,
  values: Partial<ServerInsert> & { firmwares?: FirmwareInsert[]; withParts?: boolean } = {},
) {
  const { firmwares = [], withParts = false, ...columns } = values;
  const n = ++counter;
  const reported = columns.manufacturerReported ?? columns.manufacturer ?? "Dell Inc.";
  const nodeId = columns.nodeId ?? (await createTestNode(db, { status: "registered" })).id;
  const [server] = await db
    .insert(servers)
    .values({
      name: `server-${n}`,
      model: "PowerEdge R750",
      serialNumber: `SN${String(n).padStart(6, "0")}`,
      uuid: `4c4c4544-0000-4000-8000-${String(n).padStart(12, "0")}`,
      powerState: "On",
      biosVersion: "1.2.4",
      bmcFirmwareVersion: "5.10.00.00",
      processorCount: 2,
      processorModel: "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz",
      memoryGib: 256,
      inventoryUpdatedAt: new Date(),
      systemPath: "/redfish/v1/Systems/System.Embedded.1",
      managerPath: "/redfish/v1/Managers/iDRAC.Embedded.1",
      ...columns,
      nodeId,
      manufacturerReported: reported,
      manufacturer: canonicalVendor(reported),
    })
    .returning();
  if (firmwares.length) await db.insert(serverFirmwares).values(firmwares.map((entry) => ({ ...entry, serverId: server!.id })));
  if (withParts) await insertTestParts(db, server!.id);
  return server!;
}

async function insertTestParts(db: DbExecutor, serverId: number) {
  await db.insert(serverProcessors).values([1, 2].map((socket) => ({ serverId, inventoryId: `CPU.Socket.${socket}`, socket: `CPU ${socket}`, manufacturer: "Intel", model: "Xeon Gold 6338", totalCores: 32, totalThreads: 64, maxSpeedMhz: 3200 })));
  await db.insert(serverEthernetInterfaces).values({ serverId, inventoryId: "NIC.Integrated.1-1-1", name: "NIC 1", macAddress: "AA:BB:CC:00:00:01", speedMbps: 25000, linkStatus: "LinkUp", ipv4Addresses: ["127.0.0.10"] });
  await db.insert(serverStorages).values({
    serverId,
    inventoryId: "RAID.Integrated.1-1",
    name: "PERC H755 Front",
    controllers: [{ name: "PERC H755 Front", manufacturer: "Dell", model: "PERC H755 Front", firmware_version: "52.16.1-4405", serial_number: "CTRL1" }],
    drives: [{ name: "Disk 0", model: "MZ7L3480", serial_number: "D0", capacity_bytes: 480103981056, media_type: "SSD", protocol: "SATA", status: "OK" }],
    volumes: [{ name: "Boot", capacity_bytes: 479559942144, raid_type: "RAID1", status: "OK" }],
  });
}
