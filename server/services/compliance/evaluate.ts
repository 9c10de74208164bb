import { asc, eq } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { firmwareBaselineBinaries, firmwareBinaries, servers } from "~/db/schema";
import type { ServiceContext } from "../context";
import { serverScope } from "../servers/scope";
import { complianceReport, type Report, type ReportView } from "./report";
import { toRule, type BinaryRule } from "./rules";
import type { ComplianceScope } from "./scope";

/** The baseline's binaries as rules, ids ascending; vendors are matched against the manufacturers servers actually have. */
export async function loadRules(db: DbExecutor, baselineId: number): Promise<BinaryRule[]> {
  const binaries = await db
    .select({
      id: firmwareBinaries.id,
      name: firmwareBinaries.name,
      firmwareType: firmwareBinaries.firmwareType,
      version: firmwareBinaries.version,
      manufacturer: firmwareBinaries.manufacturer,
      models: firmwareBinaries.models,
    })
    .from(firmwareBaselineBinaries)
    .innerJoin(firmwareBinaries, eq(firmwareBinaries.id, firmwareBaselineBinaries.firmwareBinaryId))
    .where(eq(firmwareBaselineBinaries.baselineId, baselineId))
    .orderBy(asc(firmwareBinaries.id));
  if (!binaries.length) return [];
  const manufacturers = (await db.selectDistinct({ manufacturer: servers.manufacturer }).from(servers)).map((row) => row.manufacturer);
  return binaries.map((binary) => toRule(binary, manufacturers));
}

/**
 * The compliance of every server in `scope` that `ctx.actor` may see, per component, with the summary:
 * the verb behind the REST endpoint, and what remediation calls to find the non-compliant components.
 * The baseline must exist (callers look it up first).
 */
export async function evaluateCompliance({ ctx, input }: { ctx: ServiceContext; input: { baselineId: number; scope: ComplianceScope; view?: ReportView } }): Promise<Report> {
  const rules = await loadRules(ctx.db, input.baselineId);
  return complianceReport(ctx.db, rules, input.scope, serverScope(ctx.actor), input.view ?? {});
}
