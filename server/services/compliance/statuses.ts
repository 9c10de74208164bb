import { and, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { serverFirmwares, servers } from "~/db/schema";
import type { BinaryRule } from "./rules";
import { scopeCondition, type ComplianceScope } from "./scope";
import { COMPLIANCE_STATUSES } from "~/db/schema/choices";

/** A status's rank, most severe first: for ordering by status. */
export const severityOf = (status: SQLWrapper) =>
  sql`array_position(array[${sql.join(COMPLIANCE_STATUSES.map((name) => sql`${name}`), sql`, `)}]::text[], ${status})`;

const column = (name: string, k: number) => sql.identifier(`${name}_${k}`);

/** Whether the rule's binary fits a server: its vendor, and its model unless the binary lists none. */
function fits(rule: BinaryRule, manufacturer: SQL, modelKey: SQL): SQL {
  if (!rule.vendors.length) return sql`false`;
  const vendor = sql`${manufacturer} in ${rule.vendors}`;
  return rule.models.length ? sql`(${vendor} and ${modelKey} in ${rule.models})` : vendor;
}

/** Whether a `server_firmwares` row (`f`) is a candidate for the rule's binary. */
const inventoryMatch = (rule: BinaryRule) =>
  rule.match === "keywords" ? sql`${rule.firmwareType} = any(f.keyword_types)` : sql`f.name_lower like ${rule.namePattern}`;

/**
 * Per server, the version each inventory rule finds, in one grouped pass over the scope's entries.
 * Only installed entries count: Dell's `Previous-` (replaced) and `Available-` (staged) members and
 * entries whose `Status.State` is set but not `Enabled` describe images that are not running, and an
 * entry without a version tells nothing. Among several candidates one at the baseline version wins
 * (the component is compliant), else the first by name.
 */
function inventoryCte(rules: BinaryRule[]): SQL | undefined {
  const read = rules.map((rule, k) => ({ rule, k })).filter(({ rule }) => rule.match === "keywords" || rule.match === "name");
  if (!read.length) return undefined;
  // No per-server sort: the baseline version if any candidate has it, else the version of the least (name, id).
  const found = read.map(({ rule, k }) => {
    const candidate = sql`filter (where ${inventoryMatch(rule)})`;
    return sql`case when bool_or(f.version = ${rule.version}) ${candidate} then ${rule.version}::text
      else (min(array[f.name::text, f.inventory_id::text, f.version::text]) ${candidate})[3] end as ${column("found", k)}`;
  });
  return sql`inventory as (
      select f.server_id, ${sql.join(found, sql`, `)}
      from ${serverFirmwares} f
      where f.server_id in (select id from scoped) and f.version <> ''
        and f.inventory_id not like 'Previous-%' and f.inventory_id not like 'Available-%' and f.state in ('', 'Enabled')
        and (${or(...read.map(({ rule }) => inventoryMatch(rule)))})
      group by f.server_id
    ),`;
}

function currentVersion(rule: BinaryRule, k: number): SQL {
  if (rule.match === "bios") return sql`nullif(s.bios_version, '')`;
  if (rule.match === "bmc") return sql`nullif(s.bmc_firmware_version, '')`;
  return sql`i.${column("found", k)}`;
}

/** One status per binary k: `status_k` from `current_k` and `applicable_k`. */
const statusOf = (rule: BinaryRule, k: number) => sql`case when not ${column("applicable", k)} then 'not_applicable'
    when ${column("current", k)} is null then 'unknown'
    when ${column("current", k)} = ${rule.version} then 'compliant' else 'non_compliant' end`;

/** The most severe status of a server's components; not_applicable when none applies (or there are none). */
function overallStatus(rules: BinaryRule[]): SQL {
  if (!rules.length) return sql`'not_applicable'`;
  const statuses = sql`array[${sql.join(rules.map((_, k) => column("status", k)), sql`, `)}]`;
  return sql`case when 'non_compliant' = any(${statuses}) then 'non_compliant' when 'unknown' = any(${statuses}) then 'unknown'
    when 'compliant' = any(${statuses}) then 'compliant' else 'not_applicable' end`;
}

/**
 * The CTEs every compliance read starts from, for the whole scope in one statement: `scoped` (the
 * servers the actor may see in the scope; for the default scope only those at least one binary fits),
 * then `statuses`: per server, for each binary k (in the rules' order) `current_k` and `status_k`, and
 * `overall_status`. The binaries' values are bound parameters; SQL only compares.
 */
export function statusCtes(rules: BinaryRule[], scope: ComplianceScope, visible: SQL | undefined): SQL {
  const compatible = scope.kind === "compatible" ? (or(...rules.map((rule) => fits(rule, sql`${servers.manufacturer}`, sql`lower(btrim(${servers.model}))`))) ?? sql`false`) : undefined;
  const inventory = inventoryCte(rules);
  const perRule = rules.map(
    (rule, k) => sql`${fits(rule, sql`s.manufacturer`, sql`s.model_key`)} as ${column("applicable", k)},
      case when ${fits(rule, sql`s.manufacturer`, sql`s.model_key`)} then ${currentVersion(rule, k)} end as ${column("current", k)}`,
  );
  return sql`
    with scoped as materialized (
      select ${servers.id} as id, ${servers.name} as name, ${servers.manufacturer} as manufacturer, ${servers.model} as model,
        lower(btrim(${servers.model})) as model_key, ${servers.serialNumber} as serial_number, ${servers.biosVersion} as bios_version,
        ${servers.bmcFirmwareVersion} as bmc_firmware_version, ${servers.inventoryUpdatedAt} as inventory_updated_at
      from ${servers} where ${and(visible, scopeCondition(scope), compatible) ?? sql`true`}
    ),
    ${inventory ?? sql``}
    currents as (
      select s.id as server_id${sql.join(perRule.map((fragment) => sql`, ${fragment}`), sql``)}
      from scoped s ${inventory ? sql`left join inventory i on i.server_id = s.id` : sql``}
    ),
    component_statuses as (
      select c.*${sql.join(rules.map((rule, k) => sql`, ${statusOf(rule, k)} as ${column("status", k)}`), sql``)} from currents c
    ),
    statuses as (
      select cs.*, ${overallStatus(rules)} as overall_status from component_statuses cs
    )`;
}
