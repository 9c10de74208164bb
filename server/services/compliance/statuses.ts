import { and, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { serverFirmwares, servers } from "~/db/schema";
import type { BinaryRule } from "./rules";
import { scopeCondition, type ComplianceScope } from "./scope";
import { COMPLIANCE_STATUSES } from "~/db/schema/choices";

/** A status's rank, most severe first: for ordering by status. */
export const severityOf = (status: SQLWrapper) =>
  sql`array_position(array[${sql.join(COMPLIANCE_STATUSES.map((name) => sql`${name}`), sql`, `)}]::text[], ${status})`;

/** The status of a rank (see `severityOf`). */
const statusOfRank = (rank: SQL) => sql`(array[${sql.join(COMPLIANCE_STATUSES.map((name) => sql`${name}`), sql`, `)}]::text[])[${rank}]`;
const RANK = Object.fromEntries(COMPLIANCE_STATUSES.map((status, index) => [status, sql.raw(String(index + 1))])) as Record<(typeof COMPLIANCE_STATUSES)[number], SQL>;

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

type InventoryRule = { rule: BinaryRule; k: number };

/** The rules read from the inventory, with their index k among all the rules. */
const inventoryRules = (rules: BinaryRule[]): InventoryRule[] =>
  rules.map((rule, k) => ({ rule, k })).filter(({ rule }) => rule.match === "keywords" || rule.match === "name");

/**
 * Per-rule aggregates of the inventory pass. `has_k`: whether a candidate has the baseline version, null
 * when there is no candidate (the component's status). `first_k`: the version of the least candidate by
 * (name, inventory id), which decides `current_version` when none has the baseline version.
 */
const hasBaseline = ({ rule, k }: InventoryRule) => sql`bool_or(f.version = ${rule.version}) filter (where ${inventoryMatch(rule)}) as ${column("has", k)}`;
const firstByName = ({ rule, k }: InventoryRule) =>
  sql`(min(array[f.name::text, f.inventory_id::text, f.version::text]) filter (where ${inventoryMatch(rule)}))[3] as ${column("first", k)}`;

/**
 * The CTE `name`: one grouped pass over the inventory entries of the servers `serverIds` selects.
 * Only installed entries count: Dell's `Previous-` (replaced) and `Available-` (staged) members and
 * entries whose `Status.State` is set but not `Enabled` describe images that are not running, and an
 * entry without a version tells nothing. The rules' match is tested first (a CASE, because the planner
 * orders an AND's terms by cost, not selectivity): most entries match no rule.
 */
function inventoryPass(name: string, read: InventoryRule[], serverIds: SQL, aggregates: ((rule: InventoryRule) => SQL)[]): SQL {
  return sql`${sql.identifier(name)} as (
      select f.server_id, ${sql.join(read.flatMap((rule) => aggregates.map((aggregate) => aggregate(rule))), sql`, `)}
      from ${serverFirmwares} f
      where f.server_id in (${serverIds}) and case when ${or(...read.map(({ rule }) => inventoryMatch(rule)))}
        then f.version <> '' and f.inventory_id not like 'Previous-%' and f.inventory_id not like 'Available-%' and f.state in ('', 'Enabled')
        else false end
      group by f.server_id
    ),`;
}

/** The rank (see `severityOf`) of binary k's status on server `s`, inventory aggregates in `i`. */
function rankOf(rule: BinaryRule, k: number): SQL {
  const reached = (current: SQL) => sql`when nullif(${current}, '') is null then ${RANK.unknown} when ${current} = ${rule.version} then ${RANK.compliant}`;
  const found =
    rule.match === "bios"
      ? reached(sql`s.bios_version`)
      : rule.match === "bmc"
        ? reached(sql`s.bmc_firmware_version`)
        : sql`when i.${column("has", k)} is null then ${RANK.unknown} when i.${column("has", k)} then ${RANK.compliant}`;
  return sql`case when not ${fits(rule, sql`s.manufacturer`, sql`s.model_key`)} then ${RANK.not_applicable} ${found} else ${RANK.non_compliant} end`;
}

/**
 * The CTEs every compliance read starts from, for the whole scope in one statement: `scoped` (the
 * servers the actor may see in the scope; for the default scope only those at least one binary fits),
 * then `statuses`: per server its `scoped` columns (`id` as `server_id`), for each binary k (in the
 * rules' order) the rank of its status `rank_k`, and `overall_rank` and `overall_status`, the most
 * severe (not_applicable when nothing applies). With `firstVersions`, also `first_k` (see `firstByName`)
 * for `currentVersions`; a paged report reads it for its page only (`pageInventory`).
 * The binaries' values are bound parameters; SQL only compares.
 */
export function statusCtes(rules: BinaryRule[], scope: ComplianceScope, visible: SQL | undefined, { firstVersions = false } = {}): SQL {
  const compatible = scope.kind === "compatible" ? (or(...rules.map((rule) => fits(rule, sql`${servers.manufacturer}`, sql`lower(btrim(${servers.model}))`))) ?? sql`false`) : undefined;
  const read = inventoryRules(rules);
  const inventory = read.length ? inventoryPass("inventory", read, sql`select id from scoped`, firstVersions ? [hasBaseline, firstByName] : [hasBaseline]) : undefined;
  const ranks = rules.map((rule, k) => sql`, ${rankOf(rule, k)} as ${column("rank", k)}`);
  const firsts = firstVersions ? read.map(({ k }) => sql`, i.${column("first", k)}`) : [];
  const overall = rules.length ? sql`least(${sql.join(rules.map((_, k) => column("rank", k)), sql`, `)})` : RANK.not_applicable;
  return sql`
    with scoped as materialized (
      select ${servers.id} as id, ${servers.name} as name, ${servers.manufacturer} as manufacturer, ${servers.model} as model,
        lower(btrim(${servers.model})) as model_key, ${servers.serialNumber} as serial_number, ${servers.biosVersion} as bios_version,
        ${servers.bmcFirmwareVersion} as bmc_firmware_version, ${servers.inventoryUpdatedAt} as inventory_updated_at
      from ${servers} where ${and(visible, scopeCondition(scope), compatible) ?? sql`true`}
    ),
    ${inventory ?? sql``}
    ranks as (
      select s.id as server_id, s.name, s.manufacturer, s.model, s.serial_number, s.bios_version, s.bmc_firmware_version, s.inventory_updated_at
        ${sql.join([...ranks, ...firsts], sql``)}
      from scoped s ${inventory ? sql`left join inventory i on i.server_id = s.id` : sql``}
    ),
    statuses as (
      select r.*, ${overall} as overall_rank, ${statusOfRank(overall)} as overall_status from ranks r
    )`;
}

/** The CTE `page_inventory`: `first_k` of the servers of the CTE `page` only; none when no rule reads the inventory. */
export function pageInventory(rules: BinaryRule[]): SQL | undefined {
  const read = inventoryRules(rules);
  return read.length ? inventoryPass("page_inventory", read, sql`select server_id from page`, [firstByName]) : undefined;
}

/**
 * `status_k` and `current_k` of each binary k for a row `p` of `statuses`, `first_k` read from `firsts`
 * (the row itself, or its `page_inventory` row). A component at the baseline version shows it; else the
 * version that decided.
 */
export function componentColumns(rules: BinaryRule[], firsts: string): SQL {
  const from = sql.raw(firsts);
  return sql.join(
    rules.map((rule, k) => {
      const rank = sql`p.${column("rank", k)}`;
      const current =
        rule.match === "bios"
          ? sql`nullif(p.bios_version, '')`
          : rule.match === "bmc"
            ? sql`nullif(p.bmc_firmware_version, '')`
            : sql`case when ${rank} = ${RANK.compliant} then ${rule.version}::text else ${from}.${column("first", k)} end`;
      return sql`${statusOfRank(rank)} as ${column("status", k)}, case when ${rank} <> ${RANK.not_applicable} then ${current} end as ${column("current", k)}`;
    }),
    sql`, `,
  );
}
