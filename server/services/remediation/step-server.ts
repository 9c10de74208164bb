import { installedVersionFrom, readFirmwareInventory, readInstalledVersion, type ComponentRef } from "~/server/redfish";
import { storeFirmwareReading } from "../inventory/refresh-firmware";
import { componentRefOf } from "./inventory-ref";
import type { ComponentPlan } from "./schemas";
import type { StepOutcome, StepRun } from "./step-types";

export type CheckedComponent = { ref: ComponentRef; version: string | null };

/** The plan of each component of the server, from its first step. */
export function plannedComponents(run: Pick<StepRun, "steps">): ComponentPlan[] {
  return run.steps.filter((step) => step.name === "check_binary").map((step) => (step.state as { plan: ComponentPlan }).plan);
}

/**
 * Reads each planned component's version from the BMC itself (the stored inventory may be stale) and
 * skips those already at the target, unless force_reinstall asks for them anyway.
 */
export async function complianceCheck(run: StepRun): Promise<StepOutcome> {
  const client = await run.client();
  const components: Record<string, CheckedComponent> = {};
  const skipComponents: { type: string; message: string }[] = [];
  for (const plan of plannedComponents(run)) {
    const ref = await componentRefOf(run.db, run.server, plan);
    const version = await readInstalledVersion(client, ref);
    components[plan.firmware_type] = { ref, version };
    if (version === plan.to_version && !run.target.forceReinstall) skipComponents.push({ type: plan.firmware_type, message: `Already at ${version} on the BMC: nothing to do.` });
  }
  const planned = Object.keys(components).length;
  const message = planned ? `${planned - skipComponents.length} of ${planned} component(s) to update.` : "Compliant: nothing to update.";
  return { kind: "done", message, state: { components }, skipComponents };
}

const versionsOf = (components: Record<string, CheckedComponent>) => Object.fromEntries(Object.entries(components).map(([type, { version }]) => [type, version]));

/** The audit log's "before": the versions the compliance check read (written with the step's end). */
export async function logVersions(run: StepRun): Promise<StepOutcome> {
  const check = run.steps.find((step) => step.name === "compliance_check")!;
  const before = versionsOf((check.state as { components?: Record<string, CheckedComponent> }).components ?? {});
  return { kind: "done", message: versionsMessage(before), audit: { before } };
}

const versionsMessage = (versions: Record<string, string | null>) => Object.entries(versions).map(([type, version]) => `${type} ${version ?? "unknown"}`).join(", ") || "No component planned.";

/**
 * Re-reads and stores what the flashes changed (BIOS and BMC versions, the firmware inventory: what
 * compliance reads) through the job's client, under the lease the engine holds; then records each
 * planned component's version as the BMC reports it in that reading (read again only where it does not hold it):
 * the audit log's "after".
 */
export async function logNewVersions(run: StepRun): Promise<StepOutcome> {
  const check = run.steps.find((step) => step.name === "compliance_check")!;
  const components = (check.state as { components?: Record<string, CheckedComponent> }).components ?? {};
  const client = await run.client();
  // The last confirmation took it in this job, when it came just before.
  const reading = run.fresh.firmware ?? (await readFirmwareInventory(client));
  await storeFirmwareReading(run.db, reading, run.node.id, run.lease);
  const after: Record<string, string | null> = {};
  for (const [type, { ref }] of Object.entries(components)) after[type] = await installedVersionFrom(client, reading, ref);
  return { kind: "done", message: versionsMessage(after), audit: { after } };
}
