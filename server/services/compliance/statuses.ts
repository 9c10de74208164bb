import { and, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { serverFirmwares, servers } from "~/db/schema";
import type { BinaryRule } from "./rules";
import { scopeCondition, type ComplianceScope } from "./scope";
import { COMPLIANCE_STATUSES } from "./vocabulary";

/** A status's rank, most severe first: for ordering by status. */
export const severityOf = (status: SQLWrapper) =>
  sql`array_position(array[${sql.join(COMPLIANCE_STATUSES.map((name) => sql`${name}`), sql`, `)}]::text[], ${status})`;

/** Whether binary `r` fits server `s` (both aliases in scope): its vendor, and its model unless it lists none. */
const fits = (server: SQL) =>
  sql`(${server}.manufacturer = any(r.vendors) and (cardinality(r.models) = 0 or lower(btrim(${server}.model)) = any(r.models)))`;

/**
 * The installed inventory entry that decides a keyword or name match: Dell's `Previous-` (replaced) and
 * `Available-` (staged) members and entries whose `Status.State` is set but not `Enabled` describe images
 * that are not running; an entry without a version tells nothing. Among several, one at the baseline
 * version wins (the component is compliant), else the first by name.
 */
const inventoryVersion = sql`(
  select f.version from ${serverFirmwares} f
  where f.server_id = s.id and f.version <> ''
    and f.inventory_id not like 'Previous-%' and f.inventory_id not like 'Available-%'
    and f.state in ('', 'Enabled')
    and (lower(f.name) like any(r.patterns) or (r.match = 'keywords' and lower(f.software_id) like any(r.patterns)))
  order by f.version = r.version desc, f.name, f.inventory_id
  limit 1)`;

/**
 * The CTEs every compliance read starts from, computed for the whole scope in one statement:
 * `scoped` (the servers), `components` (server x binary: current version and status) and `statuses`
 * (each server's overall status: the most severe of its components, not_applicable when none applies).
 * `visible` is the actor's server scope.
 */
export function statusCtes(rules: BinaryRule[], scope: ComplianceScope, visible: SQL | undefined): SQL {
  const compatible = scope.kind === "compatible" ? sql`exists (select 1 from rules r where ${fits(sql`${servers}`)})` : undefined;
  const where = and(visible, scopeCondition(scope), compatible) ?? sql`true`;
  return sql`
    with rules as (
      select * from jsonb_to_recordset(${JSON.stringify(rules)}::jsonb)
        as r(id int, firmware_type text, version text, match text, vendors text[], models text[], patterns text[])
    ),
    scoped as (
      select ${servers.id} as id, ${servers.name} as name, ${servers.manufacturer} as manufacturer, ${servers.model} as model,
        ${servers.serialNumber} as serial_number, ${servers.biosVersion} as bios_version,
        ${servers.bmcFirmwareVersion} as bmc_firmware_version, ${servers.inventoryUpdatedAt} as inventory_updated_at
      from ${servers} where ${where}
    ),
    components as (
      select s.id as server_id, r.id as binary_id, r.firmware_type, r.version as baseline_version, v.current_version,
        case when not a.applicable then 'not_applicable'
             when v.current_version is null then 'unknown'
             when v.current_version = r.version then 'compliant'
             else 'non_compliant' end as status
      from scoped s cross join rules r
      cross join lateral (select ${fits(sql`s`)} as applicable) a
      cross join lateral (
        select case when not a.applicable then null
                    when r.match = 'bios' then nullif(s.bios_version, '')
                    when r.match = 'bmc' then nullif(s.bmc_firmware_version, '')
                    else ${inventoryVersion} end as current_version
      ) v
    ),
    statuses as (
      select s.id as server_id,
        case when bool_or(c.status = 'non_compliant') then 'non_compliant'
             when bool_or(c.status = 'unknown') then 'unknown'
             when bool_or(c.status = 'compliant') then 'compliant'
             else 'not_applicable' end as overall_status
      from scoped s left join components c on c.server_id = s.id
      group by s.id
    )`;
}
