import { z } from "~/server/lib/zod";

export const SCAN_RANGE_STATUSES = ["ready", "scanning", "error"] as const;
export const MAX_PORTS = 32;

export const scanRangeSchema = z.object({
  id: z.number().int(),
  name: z.string().describe("Unique."),
  ip_from: z.string().describe("First IPv4 address scanned."),
  ip_to: z.string().describe("Last IPv4 address scanned (inclusive)."),
  ports: z.array(z.number().int()).describe("TCP ports probed for a Redfish service on each address."),
  status: z.enum(SCAN_RANGE_STATUSES).describe('"scanning" while a discovery scan runs, "ready" when done, "error" when the last scan failed.'),
  status_message: z.string().describe('Why the last scan ended in "error"; empty otherwise.'),
  addresses_probed: z
    .number()
    .int()
    .nullable()
    .describe("Addresses of the running (or last) scan whose every port has been tried, summed over its chunks; null before the first scan."),
  addresses_total: z.number().int().nullable().describe("Addresses the running (or last) scan covers; null before the first scan."),
  last_scan_at: z.string().nullable().describe("When the last scan finished (ISO 8601, UTC), null before the first."),
  last_scan_found: z.number().int().nullable().describe("Nodes found by the last scan, null before the first."),
  created_at: z.string().describe("ISO 8601, UTC."),
  updated_at: z.string().describe("ISO 8601, UTC."),
});
export type ScanRangeDto = z.infer<typeof scanRangeSchema>;

const ipv4 = (description: string) => z.string().trim().min(1).pipe(z.ipv4()).describe(description);

const port = z.int().min(1).max(65535);

export const scanRangeCreateSchema = z.object({
  name: z.string().trim().min(1).max(256).describe("Unique."),
  ip_from: ipv4("First IPv4 address to scan."),
  ip_to: ipv4("Last IPv4 address to scan (inclusive): not lower than ip_from, at most 65,536 addresses in all."),
  ports: z
    .array(port)
    .min(1)
    .max(MAX_PORTS)
    .optional()
    .describe(`TCP ports to probe on each address, each listed once; default [443], at most ${MAX_PORTS}.`),
});
export type ScanRangeCreateInput = z.infer<typeof scanRangeCreateSchema>;

/** PUT demands name, ip_from and ip_to; PATCH nothing. Either way only the sent fields change. */
export const scanRangeReplaceSchema = scanRangeCreateSchema;
export type ScanRangeUpdateInput = Partial<ScanRangeCreateInput> & { id: number };
