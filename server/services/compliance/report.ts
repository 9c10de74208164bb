import { and, asc, desc, sql, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { isoDateTime } from "~/server/lib/fields";
import { filterConditions } from "../list/filters";
import type { PageRequest } from "../list/pagination";
import { linguistic, orderingNames } from "../list/run";
import { searchCondition } from "../list/search";
import type { BinaryRule } from "./rules";
import type { ComplianceScope } from "./scope";
import type { ServerComplianceDto, SummaryDto } from "./schemas";
import { componentColumns, pageInventory, statusCtes } from "./statuses";
import { COMPLIANCE_STATUSES } from "~/db/schema/choices";

/** How the servers of a report are filtered, ordered and paged; the summary always counts the whole scope. */
export type ReportView = { status?: string; search?: string; ordering?: string; page?: PageRequest };

export type Report = { servers: ServerComplianceDto[]; summary: SummaryDto; count: number };

const reportOrdering = {
  ordering: {
    server_name: linguistic(sql`l.name`),
    server_id: sql`l.server_id`,
    manufacturer: linguistic(sql`l.manufacturer`),
    model: linguistic(sql`l.model`),
    overall_status: sql`l.overall_rank`,
    inventory_updated_at: sql`l.inventory_updated_at`,
  },
  defaultOrdering: ["server_name"],
};

const REPORT_SEARCH_FIELDS = ["name", "model", "serial_number"] as const;

function orderClause(ordering: string | undefined): SQL {
  const terms = orderingNames(reportOrdering, ordering).map((name) => {
    const expression = reportOrdering.ordering[name.replace(/^-/, "") as keyof typeof reportOrdering.ordering];
    return name.startsWith("-") ? desc(expression) : asc(expression);
  });
  return sql.join([...terms, sql`l.server_id`], sql`, `);
}

/** LIMIT/OFFSET of the page; `last` is resolved in SQL from the filtered count, so the scope is read once. */
function pageClause(page: PageRequest | undefined): SQL {
  if (!page) return sql``;
  const offset = page.number === "last" ? sql`(select greatest(ceil(count(*)::numeric / ${page.size}) - 1, 0) * ${page.size} from listed)` : sql`${(page.number - 1) * page.size}`;
  return sql`limit ${page.size} offset ${offset}`;
}

type ReportRow = SummaryDto & { count: number; server_id: number | null; name: string; manufacturer: string; model: string; overall_status: string; inventory_updated_at: string | Date | null } & Record<string, unknown>;

/** A listed server as seed 003 prints it, its components in the rules' order (binary ids ascending). */
function toServerDto(rules: BinaryRule[], row: ReportRow): ServerComplianceDto {
  return {
    server_id: row.server_id!,
    server_name: row.name,
    manufacturer: row.manufacturer,
    model: row.model,
    overall_status: row.overall_status as ServerComplianceDto["overall_status"],
    components: rules.map((rule, k) => ({
      firmware_binary_id: rule.id,
      firmware_type: rule.firmwareType as ServerComplianceDto["components"][number]["firmware_type"],
      baseline_version: rule.version,
      current_version: row[`current_${k}`] as string | null,
      status: row[`status_${k}`] as ServerComplianceDto["overall_status"],
    })),
    inventory_updated_at: row.inventory_updated_at === null ? null : isoDateTime(new Date(row.inventory_updated_at)),
  };
}

/**
 * The compliance of every server in scope, in one statement: one row per listed server (or a single row
 * with no server when none is listed), each carrying the summary of the whole scope and the listed count.
 * The statuses cover the whole scope; the versions that decided are read for the listed page only.
 */
export async function complianceReport(db: DbExecutor, rules: BinaryRule[], scope: ComplianceScope, visible: SQL | undefined, view: ReportView): Promise<Report> {
  const statusFilter = { status: { kind: "choice" as const, column: sql`s.overall_status`, choices: COMPLIANCE_STATUSES } };
  const search = searchCondition(view.search, REPORT_SEARCH_FIELDS.map((field) => sql`s.${sql.identifier(field)}`));
  const { conditions } = await filterConditions(statusFilter, { status: view.status }, db);
  const where = and(...conditions, search) ?? sql`true`;
  const order = orderClause(view.ordering);
  const paged = view.page !== undefined;
  const pageFirsts = paged ? pageInventory(rules) : undefined;
  const components = rules.length ? sql`, ${componentColumns(rules, paged ? "pi" : "p")}` : sql``;
  const rows = await db.execute<ReportRow>(sql`${statusCtes(rules, scope, visible, { firstVersions: !paged })},
    listed as (
      select s.* from statuses s where ${where}
    ),
    -- Ordered and cut before numbering, so the sort keeps only the page (top-N) instead of ordering every name.
    page as (
      select l.*, row_number() over (order by ${order}) as position from (select l.* from listed l order by ${order} ${pageClause(view.page)}) l
    ),
    ${pageFirsts ?? sql``}
    totals as (
      select count(*)::int as total_servers,
        count(*) filter (where overall_status = 'compliant')::int as compliant,
        count(*) filter (where overall_status = 'non_compliant')::int as non_compliant,
        count(*) filter (where overall_status = 'unknown')::int as unknown,
        count(*) filter (where overall_status = 'not_applicable')::int as not_applicable,
        (select count(*)::int from listed) as count
      from statuses
    )
    select totals.*, p.server_id, p.name, p.manufacturer, p.model, p.inventory_updated_at, p.overall_status${components}
    from totals left join page p on true ${pageFirsts ? sql`left join page_inventory pi on pi.server_id = p.server_id` : sql``}
    order by p.position`);
  const { total_servers, compliant, non_compliant, unknown, not_applicable, count } = rows[0]!;
  return {
    servers: rows.filter((row) => row.server_id !== null).map((row) => toServerDto(rules, row)),
    summary: { total_servers, compliant, non_compliant, unknown, not_applicable },
    count,
  };
}
