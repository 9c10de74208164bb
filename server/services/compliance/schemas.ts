import { z } from "~/server/lib/zod";
import { FIRMWARE_TYPES } from "../firmware/schemas";
import { COMPLIANCE_STATUSES, SNAPSHOT_SCOPES, SNAPSHOT_TRIGGERS } from "~/db/schema/choices";

const status = z.enum(COMPLIANCE_STATUSES);
const optionalText = (description: string) => z.string().optional().describe(description);
/** Read as text so a malformed id gets seed 003's 400, documented as the integer it must be. */
const optionalId = (description: string) => z.string().meta({ override: { type: "integer" } }).optional().describe(description);

const scopeParams = {
  server: optionalId("Check one server by id (listed even when nothing in the baseline applies to it). 400 when not an integer, 404 when no such server."),
  pool: optionalId("Check every server of a resource pool and of all its sub-pools, at any depth. 400 when not an integer, 404 when no such pool."),
};

export const complianceQuerySchema = z.object({
  id: z.number().int().describe("The baseline's id."),
  ...scopeParams,
  status: optionalText(`Only list servers whose overall status is this one (${COMPLIANCE_STATUSES.join(", ")}). The summary still counts the whole scope.`),
  search: optionalText("Only list servers whose name, model or serial number contains every term. The summary still counts the whole scope."),
  ordering: optionalText("Order of the servers: server_name (default), server_id, manufacturer, model, overall_status (most severe first), inventory_updated_at; `-` for descending."),
  page: optionalText("Page of the servers list (1-based, or `last`). With `page` or `page_size` the response also has count, next and previous."),
  page_size: optionalText("Servers per page (max 1000)."),
});
export type ComplianceQuery = z.infer<typeof complianceQuerySchema>;

const componentSchema = z.object({
  firmware_binary_id: z.number().int(),
  firmware_type: z.enum(FIRMWARE_TYPES),
  baseline_version: z.string().describe("The binary's version: what the server should run."),
  current_version: z.string().nullable().describe("What the server runs, exactly as its BMC spells it; null when nothing matched or the binary does not apply."),
  status: status.describe("compliant: versions equal as strings; non_compliant: they differ; unknown: nothing on the server matched; not_applicable: the binary's manufacturer or models do not fit the server."),
});

export const serverComplianceSchema = z.object({
  server_id: z.number().int(),
  server_name: z.string(),
  manufacturer: z.string().describe("The server's vendor (canonical name)."),
  model: z.string(),
  overall_status: status.describe("The most severe component status: non_compliant, then unknown, then compliant; not_applicable when no binary applies."),
  components: z.array(componentSchema).describe("One entry per binary of the baseline, by binary id."),
  inventory_updated_at: z.string().nullable().describe("When the versions were last read from the BMC (ISO 8601, UTC)."),
});
export type ServerComplianceDto = z.infer<typeof serverComplianceSchema>;

export const summarySchema = z.object({
  total_servers: z.number().int(),
  compliant: z.number().int(),
  non_compliant: z.number().int(),
  unknown: z.number().int(),
  not_applicable: z.number().int(),
});
export type SummaryDto = z.infer<typeof summarySchema>;

/** Seed 003's response, key for key; count/next/previous only when the servers are paged. */
export const complianceReportSchema = z.object({
  baseline_id: z.number().int(),
  baseline_name: z.string(),
  servers: z.array(serverComplianceSchema),
  summary: summarySchema.describe("Counts of servers by overall status over the whole scope, whatever the status filter, search and page."),
  count: z.number().int().optional().describe("Paged only: servers matching the status filter and search."),
  next: z.string().nullable().optional().describe("Paged only: URL of the next page."),
  previous: z.string().nullable().optional().describe("Paged only: URL of the previous page."),
});
export type ComplianceReportDto = z.infer<typeof complianceReportSchema>;

const restrictionNote = "Counts only the servers the caller may see";

export const snapshotSchema = z.object({
  id: z.number().int(),
  taken_at: z.string().describe("ISO 8601, UTC."),
  trigger: z.enum(SNAPSHOT_TRIGGERS).describe("manual (POST .../compliance/snapshot/), nightly (the nightly task) or remediation (after a firmware request)."),
  scope: z.enum(SNAPSHOT_SCOPES).describe("What the snapshot covered: every compatible server, a pool with its sub-pools, or one server."),
  pool: z.number().int().nullable().describe("The pool of a pool snapshot."),
  server: z.number().int().nullable().describe("The server of a one-server snapshot."),
  created_by: z.number().int().nullable().describe("The user who took it; null for the nightly task."),
  summary: summarySchema.describe(`Servers by overall status at the time. ${restrictionNote} (and, with \`pool\` or \`server\`, only those).`),
  changes: z
    .object({
      became_non_compliant: z.number().int().describe("Servers non_compliant now that had another status in the baseline's previous snapshot recording them."),
      became_compliant: z.number().int().describe("Servers compliant now that had another status in the previous snapshot recording them."),
    })
    .describe("Drift since the previous snapshot, server by server."),
});
export type SnapshotDto = z.infer<typeof snapshotSchema>;

export const snapshotCreateSchema = z.object({
  id: z.number().int().describe("The baseline's id."),
  server: z.number().int().nullable().optional().describe("Snapshot one server (default: every compatible server)."),
  pool: z.number().int().nullable().optional().describe("Snapshot a pool and all its sub-pools."),
});

export const historyScopeParams = {
  server: optionalId("Count only this server in each snapshot (and list only snapshots that recorded it). 400 when not an integer, 404 when no such server."),
  pool: optionalId("Count only the servers now in this pool or its sub-pools (and list only snapshots that recorded one). 400 when not an integer, 404 when no such pool."),
};

const statusChange = z.object({
  server_id: z.number().int(),
  server_name: z.string(),
  previous_status: status.describe("Its overall status in the baseline's previous snapshot that recorded it."),
  overall_status: status,
});

export const snapshotDetailSchema = snapshotSchema.extend({
  changed_servers: z.array(statusChange).describe("Servers whose overall status differs from the previous snapshot recording them, most severe first."),
});
export type SnapshotDetailDto = z.infer<typeof snapshotDetailSchema>;
