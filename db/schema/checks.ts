import { customType } from "drizzle-orm/pg-core";
import * as choices from "./choices";

/**
 * Each status or kind column's type: a domain over text whose CHECK holds it to one list of `choices.ts`.
 * A domain rather than a CHECK on each table because PostgreSQL prepares a domain's check once per
 * connection, but a table's CHECK again for every statement that writes a row: about 7 % of its CPU in a
 * remediation's writes. drizzle-kit writes a column's type but not the domain itself, so a migration that
 * changes a list alters the domain by hand; `domains.int.test.ts` holds each domain to its list.
 */
export const CHOICE_DOMAINS = {
  scan_range_status: choices.SCAN_RANGE_STATUSES,
  scan_chunk_status: choices.SCAN_CHUNK_STATUSES,
  bmc_protocol: choices.BMC_PROTOCOLS,
  firmware_type: choices.FIRMWARE_TYPES,
  node_status: choices.NODE_STATUSES,
  firmware_component: choices.FIRMWARE_COMPONENTS,
  compliance_status: choices.COMPLIANCE_STATUSES,
  snapshot_trigger: choices.SNAPSHOT_TRIGGERS,
  snapshot_scope: choices.SNAPSHOT_SCOPES,
  registration_batch_status: choices.REGISTRATION_BATCH_STATUSES,
  registration_node_status: choices.REGISTRATION_NODE_STATUSES,
  bmc_operation_kind: choices.BMC_OPERATION_KINDS,
  request_status: choices.REQUEST_STATUSES,
  request_step_status: choices.REQUEST_STEP_STATUSES,
} as const;

/** A column of one of the domains above (a string in TypeScript, as the varchar it was): `status: oneOf("request_status")().notNull()`. */
export const oneOf = (domain: keyof typeof CHOICE_DOMAINS) => customType<{ data: string; driverData: string }>({ dataType: () => domain });
