import { pk, pkList } from "~/server/lib/fields";
import { FIRMWARE_COMPONENTS } from "~/db/schema/choices";
import { z } from "~/server/lib/zod";

const nullableInt = (description: string) => z.number().int().nullable().describe(description);

export const serverSchema = z.object({
  id: z.number().int(),
  name: z.string().describe("Named from the system's host name, else its serial number; an operator's rename is kept across refreshes."),
  manufacturer: z.string().describe("The vendor's canonical name (`Dell`, `HPE`, `Supermicro`, `Lenovo`), as catalogs and baselines name it."),
  manufacturer_reported: z.string().describe("The manufacturer exactly as the BMC reports it (`Dell Inc.`, `HP`)."),
  model: z.string(),
  sku: z.string(),
  serial_number: z.string(),
  uuid: z.string().describe("The system's UUID as the BMC reports it."),
  hostname: z.string(),
  power_state: z.string().describe("Redfish `PowerState`: On, Off, PoweringOn, PoweringOff, Paused; empty when unknown."),
  bios_version: z.string().describe("The system's `BiosVersion`, exactly as the BMC spells it."),
  bmc_firmware_version: z.string().describe("The manager's `FirmwareVersion`, exactly as the BMC spells it."),
  bmc_url: z.string().nullable().describe("The BMC's Redfish base URL (`https://address:port`)."),
  node: nullableInt("Id of the node (BMC) that manages this server."),
  resource_pool: nullableInt("Id of the pool the server is assigned to, null when unassigned."),
  processor_count: nullableInt("Number of processors installed."),
  processor_model: z.string(),
  memory_gib: z.number().nullable().describe("Total memory of the DIMMs present, GiB."),
  protected: z.boolean().describe("Never updated by a request: pool-wide remediation leaves it out, a request naming it is refused, and a request already queued does not start it (a server already at work finishes)."),
  description: z.string().describe("The operator's notes."),
  tags: z.array(z.string()).describe("The operator's labels (`web`, `rack-5`...); `?tags=web` lists the servers with one."),
  inventory_updated_at: z.string().nullable().describe("When the inventory was last read from the BMC (ISO 8601, UTC)."),
  created_at: z.string().describe("ISO 8601, UTC."),
  updated_at: z.string().describe("ISO 8601, UTC."),
});
export type ServerDto = z.infer<typeof serverSchema>;

export const MAX_TAGS = 64;

/** What an operator may write; everything else is inventory, read from the BMC (and ignored in a body). */
export const serverReplaceSchema = z.object({
  name: z.string().trim().min(1).max(256).describe("Renaming a server keeps the name across inventory refreshes."),
  resource_pool: pk()
    .nullable()
    .optional()
    .describe("Id of the pool to move the server to (staff only; refused while the server is in an active request), null to take it out. PUT without it takes the server out of its pool."),
  protected: z.boolean().optional().describe("PUT without it sets false."),
  description: z.string().trim().optional().describe('PUT without it sets "".'),
  tags: z
    .array(z.string().trim().min(1).max(64))
    .max(MAX_TAGS)
    .optional()
    .describe(`Labels, each at most 64 characters, at most ${MAX_TAGS}; repeats are dropped. PUT without it sets [].`),
});
export type ServerUpdateInput = Partial<z.infer<typeof serverReplaceSchema>> & { id: number };

/** The value PUT gives each writable field it omits (the seed: "any field you omit may be reset to its default"). */
export const SERVER_WRITE_DEFAULTS = { resource_pool: null, protected: false, description: "", tags: [] as string[] };

export const MAX_IDS_PER_CALL = 10_000;

export const serverIdsInput = z.object({
  servers: pkList({ max: MAX_IDS_PER_CALL }).describe(`Server ids, at most ${MAX_IDS_PER_CALL}.`),
});

export const removeFromPoolResultSchema = z.object({
  removed: z.array(z.number().int()).describe("Servers now in no pool (including any that were in none)."),
  refused: z
    .array(z.object({ server: z.number().int(), reason: z.string() }))
    .describe("Servers left where they are, each with why (an active request)."),
  not_found: z.array(z.number().int()).describe("Ids that name no server you can see."),
});

export const processorSchema = z.object({
  id: z.number().int(),
  inventory_id: z.string().describe("The processor's member id on the BMC."),
  socket: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  total_cores: nullableInt("Cores."),
  total_threads: nullableInt("Hardware threads."),
  max_speed_mhz: nullableInt("Maximum speed, MHz."),
  serial_number: z.string(),
  part_number: z.string(),
});

export const ethernetInterfaceSchema = z.object({
  id: z.number().int(),
  inventory_id: z.string().describe("The interface's member id on the BMC."),
  name: z.string(),
  mac_address: z.string(),
  speed_mbps: nullableInt("Link speed, Mbit/s."),
  link_status: z.string().describe("Redfish `LinkStatus` (LinkUp, LinkDown, NoLink), empty when unknown."),
  ipv4_addresses: z.array(z.string()),
  ipv6_addresses: z.array(z.string()),
});

const capacity = z.number().nullable().describe("Bytes.");

export const storageSchema = z.object({
  id: z.number().int(),
  inventory_id: z.string().describe("The storage subsystem's member id on the BMC."),
  name: z.string(),
  controllers: z.array(
    z.object({ name: z.string(), manufacturer: z.string(), model: z.string(), firmware_version: z.string(), serial_number: z.string() }),
  ),
  drives: z.array(
    z.object({
      name: z.string(),
      model: z.string(),
      serial_number: z.string(),
      capacity_bytes: capacity,
      media_type: z.string().describe("SSD or HDD."),
      protocol: z.string().describe("SAS, SATA, NVMe..."),
      status: z.string().describe("Health."),
    }),
  ),
  volumes: z.array(z.object({ name: z.string(), capacity_bytes: capacity, raid_type: z.string(), status: z.string() })),
});

export const serverFirmwareSchema = z.object({
  id: z.number().int(),
  inventory_id: z.string().describe("The firmware inventory member id on the BMC (Dell's embeds the version)."),
  name: z.string(),
  version: z.string().describe("Exactly as the BMC spells it."),
  software_id: z.string(),
  updateable: z.boolean().nullable().describe("Whether the BMC can update this component; null when it does not say."),
  component: z.enum(FIRMWARE_COMPONENTS).describe("What the entry is: bios, bmc, storage_controller, nic or other."),
});
