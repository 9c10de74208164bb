import { z } from "~/server/lib/zod";

export const NODE_STATUSES = ["discovered", "registered", "error", "unreachable"] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

const nullableId = (description: string) => z.number().int().nullable().describe(description);

export const nodeSchema = z.object({
  id: z.number().int(),
  url: z.string().describe("The BMC's base URL (`https://address:port`)."),
  ip: z.string().describe("The BMC's address."),
  port: z.number().int().describe("The TCP port its Redfish service answered on."),
  vendor: z.string().describe("The vendor's canonical name (`Dell`, `HPE`, `Supermicro`, `Lenovo`) from the service root; empty when the root wants credentials."),
  product: z.string().describe("The service root's `Product` (`Integrated Dell Remote Access Controller`, `iLO 5`...)."),
  redfish_version: z.string().describe("The service root's `RedfishVersion`."),
  uuid: z.string().describe("The service root's `UUID`."),
  status: z
    .enum(NODE_STATUSES)
    .describe(
      '"discovered" (found by a scan, not registered), "registered" (manages servers), "error" (see status_message: a changed certificate, or credentials refused), "unreachable" (did not answer the last scan or call).',
    ),
  status_message: z.string().describe("Why the node is in error or unreachable; empty otherwise."),
  scan_range: nullableId("Id of the scan range that found the node last."),
  auth_profile: nullableId("Id of the auth profile the node was registered with."),
  certificate_sha256: z
    .string()
    .nullable()
    .describe("SHA-256 (hex) of the TLS certificate trusted on first sight: credentials only go to a BMC presenting it. A change puts the node in error until accepted."),
  server: nullableId("Id of its first server once registered (for a chassis manager, the first of several), else null."),
  servers: z.array(z.number().int()).describe("Ids of every server the node manages (that you may see)."),
  last_seen: z.string().nullable().describe("When a scan or call last got an answer from the BMC (ISO 8601, UTC)."),
});
export type NodeDto = z.infer<typeof nodeSchema>;
