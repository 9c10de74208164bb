import { asc, inArray } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { firmwareBinaries, servers } from "~/db/schema";
import { loadRules } from "../compliance/evaluate";
import { complianceReport } from "../compliance/report";
import { toRule, type BinaryRule } from "../compliance/rules";
import type { ServerComplianceDto } from "../compliance/schemas";
import type { ComponentPlan, RemediationTarget, ServerPlan } from "./schemas";
import { componentRank, componentSteps } from "./steps";
import type { FirmwareType } from "./types";

/** The binaries a request applies, as compliance rules (ids ascending). */
async function rulesOf(db: DbExecutor, target: RemediationTarget): Promise<BinaryRule[]> {
  if (target.type === "firmware_baseline_update") return target.baselineId === undefined ? [] : loadRules(db, target.baselineId);
  if (!target.firmwareIds?.length) return [];
  const binaries = await db.select().from(firmwareBinaries).where(inArray(firmwareBinaries.id, target.firmwareIds)).orderBy(asc(firmwareBinaries.id));
  const manufacturers = (await db.selectDistinct({ manufacturer: servers.manufacturer }).from(servers)).map((row) => row.manufacturer);
  return binaries.map((binary) => toRule(binary, manufacturers));
}

/**
 * Which components of a server to update: those the compliance rules find non-compliant, a BIOS or
 * BMC whose version is unknown (not read yet: it cannot be shown compliant), and with force_reinstall
 * the compliant ones too. Another component with an unknown version has no inventory entry: the server
 * has no such part to update.
 * One binary per firmware type (the lowest id when several fit), in the update order of steps.ts.
 */
function componentsOf(server: ServerComplianceDto, names: Map<number, string>, target: RemediationTarget): ComponentPlan[] {
  const wanted = (component: ServerComplianceDto["components"][number]) =>
    component.status === "non_compliant" ||
    (component.status === "unknown" && (component.firmware_type === "bios" || component.firmware_type === "bmc")) ||
    (component.status === "compliant" && target.forceReinstall);
  const byType = new Map<string, ComponentPlan>();
  for (const component of server.components) {
    if (!wanted(component) || byType.has(component.firmware_type)) continue;
    byType.set(component.firmware_type, {
      firmware_id: component.firmware_binary_id,
      firmware_type: component.firmware_type,
      name: names.get(component.firmware_binary_id) ?? "",
      from_version: component.current_version,
      to_version: component.baseline_version,
      steps: componentSteps(component.firmware_type, server.manufacturer, target.applyTime),
    });
  }
  return [...byType.values()].sort((a, b) => componentRank(a.firmware_type as FirmwareType) - componentRank(b.firmware_type as FirmwareType));
}

/**
 * What a request would do on each of its servers (in the order given), from the database alone: the
 * compliance rules over the stored inventory, no BMC traffic. The dry run's answer, the API's
 * "not compatible with any binary" check (`compatible: false`), and the steps the engine records.
 */
export async function planRemediation(db: DbExecutor, target: RemediationTarget): Promise<ServerPlan[]> {
  if (!target.serverIds.length) return [];
  const rules = await rulesOf(db, target);
  const report = await complianceReport(db, rules, { kind: "servers", serverIds: target.serverIds }, undefined, {});
  const names = new Map(
    rules.length ? (await db.select({ id: firmwareBinaries.id, name: firmwareBinaries.name }).from(firmwareBinaries).where(inArray(firmwareBinaries.id, rules.map((rule) => rule.id)))).map((row) => [row.id, row.name]) : [],
  );
  const byId = new Map(report.servers.map((server) => [server.server_id, server]));
  return target.serverIds.flatMap((id) => {
    const server = byId.get(id);
    if (!server) return [];
    const compatible = server.components.some((component) => component.status !== "not_applicable");
    return [{ server_id: id, server_name: server.server_name, compatible, components: compatible ? componentsOf(server, names, target) : [] }];
  });
}
