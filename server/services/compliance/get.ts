import type { ServiceContext } from "../context";
import { findBaselineRow } from "../firmware-baselines/get";
import { InvalidPageError, pageLinks, parsePageRequest } from "../list/pagination";
import { evaluateCompliance } from "./evaluate";
import type { ComplianceQuery, ComplianceReportDto } from "./schemas";
import { resolveScope } from "./scope";

/** `GET /api/firmware_baseline/{id}/compliance/`: seed 003's report, with status filter, search, ordering and paging as extensions. */
export async function getCompliance({ ctx, input }: { ctx: ServiceContext; input: ComplianceQuery }): Promise<ComplianceReportDto> {
  const baseline = await findBaselineRow(ctx, input.id);
  const scope = await resolveScope(ctx, input);
  const page = parsePageRequest(input.page, input.page_size);
  const report = await evaluateCompliance({ ctx, input: { baselineId: baseline.id, scope, view: { ...input, page: page ?? undefined } } });
  const body = { baseline_id: baseline.id, baseline_name: baseline.name, servers: report.servers, summary: report.summary };
  if (!page) return body;
  const number = page.number === "last" ? Math.max(1, Math.ceil(report.count / page.size)) : page.number;
  if (number > 1 && !report.servers.length) throw new InvalidPageError();
  return {
    ...body,
    count: report.count,
    ...pageLinks(ctx.requestUrl, number, page.size, report.count),
  };
}
