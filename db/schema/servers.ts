import { sql } from "drizzle-orm";
import { boolean, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { oneOf } from "./checks";
import { keywordTypesExpression } from "./firmware-keywords";
import { nodes } from "./nodes";
import { pools } from "./pools";
import { searchTextExpression } from "./search-text";

/** A computer system managed by a BMC (a node); a chassis manager's node manages several. */
export const servers = pgTable(
  "servers",
  {
    id: serial().primaryKey(),
    name: varchar({ length: 256 }).notNull(),
    /** Set once an operator renames the server: a refresh never overwrites their name. */
    nameSetByOperator: boolean().notNull().default(false),
    resourcePoolId: integer().references(() => pools.id, { onDelete: "restrict" }),
    nodeId: integer().references(() => nodes.id, { onDelete: "restrict" }),
    /** The system's `@odata.id` on its BMC, and its manager's. */
    systemPath: text().notNull().default(""),
    managerPath: text().notNull().default(""),
    /** Canonical vendor name (`Dell`, `HPE`...), from the BMC's own string through the vendor alias table. */
    manufacturer: varchar({ length: 128 }).notNull().default(""),
    manufacturerReported: varchar({ length: 256 }).notNull().default(""),
    model: varchar({ length: 256 }).notNull().default(""),
    sku: varchar({ length: 256 }).notNull().default(""),
    serialNumber: varchar({ length: 256 }).notNull().default(""),
    uuid: varchar({ length: 64 }).notNull().default(""),
    hostname: varchar({ length: 256 }).notNull().default(""),
    powerState: varchar({ length: 32 }).notNull().default(""),
    biosVersion: varchar({ length: 256 }).notNull().default(""),
    bmcFirmwareVersion: varchar({ length: 256 }).notNull().default(""),
    processorCount: integer(),
    processorModel: varchar({ length: 256 }).notNull().default(""),
    memoryGib: doublePrecision(),
    protected: boolean().notNull().default(false),
    description: text().notNull().default(""),
    tags: text().array().notNull().default([]),
    inventoryUpdatedAt: timestamp({ withTimezone: true, precision: 6 }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    /** What `?search=` compares, lower-cased once per write (the list's `searchText`). */
    searchText: text()
      .notNull()
      .generatedAlwaysAs(searchTextExpression(["name", "model", "serial_number", "manufacturer", "sku"])),
  },
  (table) => [
    index().on(table.resourcePoolId),
    index().on(table.nodeId),
    index().on(table.uuid),
    index().on(table.serialNumber),
    index().on(table.name),
    index().on(table.manufacturer, table.model),
  ],
);

const part = {
  id: serial().primaryKey(),
  serverId: integer()
    .notNull()
    .references(() => servers.id, { onDelete: "cascade" }),
  /** The member id on the BMC (`CPU.Socket.1`, `NIC.Integrated.1-1-1`...). */
  inventoryId: varchar({ length: 256 }).notNull(),
};

export const serverProcessors = pgTable(
  "server_processors",
  {
    ...part,
    socket: varchar({ length: 128 }).notNull().default(""),
    manufacturer: varchar({ length: 256 }).notNull().default(""),
    model: varchar({ length: 256 }).notNull().default(""),
    totalCores: integer(),
    totalThreads: integer(),
    maxSpeedMhz: integer(),
    serialNumber: varchar({ length: 256 }).notNull().default(""),
    partNumber: varchar({ length: 256 }).notNull().default(""),
  },
  (table) => [index().on(table.serverId)],
);

export const serverEthernetInterfaces = pgTable(
  "server_ethernet_interfaces",
  {
    ...part,
    name: varchar({ length: 256 }).notNull().default(""),
    macAddress: varchar({ length: 32 }).notNull().default(""),
    speedMbps: integer(),
    linkStatus: varchar({ length: 32 }).notNull().default(""),
    ipv4Addresses: text().array().notNull().default([]),
    ipv6Addresses: text().array().notNull().default([]),
  },
  (table) => [index().on(table.serverId)],
);

export type StorageController = { name: string; manufacturer: string; model: string; firmware_version: string; serial_number: string };
export type StorageDrive = {
  name: string;
  model: string;
  serial_number: string;
  capacity_bytes: number | null;
  media_type: string;
  protocol: string;
  status: string;
};
export type StorageVolume = { name: string; capacity_bytes: number | null; raid_type: string; status: string };

/** One storage subsystem (a DMTF `Storage`, or an HPE SmartStorage array controller) with its drives and volumes. */
export const serverStorages = pgTable(
  "server_storages",
  {
    ...part,
    name: varchar({ length: 256 }).notNull().default(""),
    controllers: jsonb().$type<StorageController[]>().notNull().default([]),
    drives: jsonb().$type<StorageDrive[]>().notNull().default([]),
    volumes: jsonb().$type<StorageVolume[]>().notNull().default([]),
  },
  (table) => [index().on(table.serverId)],
);

/** The BMC's firmware inventory for this server, versions exactly as the BMC spells them. */
export const serverFirmwares = pgTable(
  "server_firmwares",
  {
    ...part,
    /** The entry's `@odata.id` (a SimpleUpdate `Targets` value). */
    odataId: text().notNull().default(""),
    name: varchar({ length: 256 }).notNull().default(""),
    version: varchar({ length: 256 }).notNull().default(""),
    softwareId: varchar({ length: 256 }).notNull().default(""),
    /** Null when the BMC does not say. */
    updateable: boolean(),
    component: oneOf("firmware_component")().notNull().default("other"),
    /** `Status.State`: `Enabled` for the running image; staged or previous images say otherwise. */
    state: varchar({ length: 32 }).notNull().default(""),
    /** The firmware types whose seed keywords the name or software id contains (compliance matching). */
    keywordTypes: text().array().notNull().generatedAlwaysAs(keywordTypesExpression()),
    /**
     * `lower(name)`, computed once when the row is written: the compliance check's name match reads it
     * instead of case-folding every inventory entry of the fleet on each check (most of its cost).
     */
    nameLower: text().notNull().generatedAlwaysAs(sql`lower(name)`),
  },
  (table) => [
    index().on(table.serverId),
  ],
);

export type ServerRow = typeof servers.$inferSelect;
