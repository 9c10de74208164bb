import { and, asc, desc, sql, type SQL } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { filterConditions } from "../list/filters";
import type { PageRequest } from "../list/pagination";
import { orderingNames } from "../list/run";
import { searchCondition } from "../list/search";
import type { BinaryRule } from "./rules";
import type { ComplianceScope } from "./scope";
import type { ServerComplianceDto, SummaryDto } from "./schemas";
import { severityOf, statusCtes } from "./statuses";
import { COMPLIANCE_STATUSES } from "./vocabulary";

/** How the servers of a report are filtered, ordered and paged; the summary always counts the whole scope. */
export type ReportView = { status?: string; search?: string; ordering?: string; page?: PageRequest };

export type Report = { servers: ServerComplianceDto[]; summary: SummaryDto; count: number };

export const reportOrdering = {
  ordering: {
    server_name: sql`l.name`,
    server_id: sql`l.server_id`,
    manufacturer: sql`l.manufacturer`,
    model: sql`l.model`,
    overall_status: severityOf(sql`l.overall_status`),
    inventory_updated_at: sql`l.inventory_updated_at`,
  },
  defaultOrdering: ["server_name"],
};

export const REPORT_SEARCH_FIELDS = ["name", "model", "serial_number"] as const;

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

/** The compliance of every server in scope, in one statement: the listed servers with their components, and the summary. */
export async function complianceReport(db: DbExecutor, rules: BinaryRule[], scope: ComplianceScope, visible: SQL | undefined, view: ReportView): Promise<Report> {
  const statusFilter = { status: { kind: "choice" as const, column: sql`st.overall_status`, choices: COMPLIANCE_STATUSES } };
  const search = searchCondition(view.search, REPORT_SEARCH_FIELDS.map((field) => sql`s.${sql.identifier(field)}`));
  const where = and(...(await filterConditions(statusFilter, { status: view.status }, db)), search) ?? sql`true`;
  const order = orderClause(view.ordering);
  const [row] = await db.execute<Report>(sql`${statusCtes(rules, scope, visible)},
    listed as (
      select st.server_id, st.overall_status, s.name, s.manufacturer, s.model, s.inventory_updated_at
      from statuses st join scoped s on s.id = st.server_id
      where ${where}
    ),
    page as (
      select l.*, row_number() over (order by ${order}) as position from listed l order by ${order} ${pageClause(view.page)}
    ),
    page_components as (
      select c.server_id, json_agg(json_build_object(
          'firmware_binary_id', c.binary_id, 'firmware_type', c.firmware_type, 'baseline_version', c.baseline_version,
          'current_version', c.current_version, 'status', c.status) order by c.binary_id) as components
      from components c join page p on p.server_id = c.server_id
      group by c.server_id
    )
    select
      (select count(*)::int from listed) as count,
      (select json_build_object('total_servers', count(*),
          'compliant', count(*) filter (where overall_status = 'compliant'),
          'non_compliant', count(*) filter (where overall_status = 'non_compliant'),
          'unknown', count(*) filter (where overall_status = 'unknown'),
          'not_applicable', count(*) filter (where overall_status = 'not_applicable')) from statuses) as summary,
      (select coalesce(json_agg(json_build_object(
          'server_id', p.server_id, 'server_name', p.name, 'manufacturer', p.manufacturer, 'model', p.model,
          'overall_status', p.overall_status, 'components', coalesce(pc.components, '[]'::json),
          'inventory_updated_at', to_char(p.inventory_updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        order by p.position), '[]'::json)
       from page p left join page_components pc on pc.server_id = p.server_id) as servers`);
  return row!;
}
