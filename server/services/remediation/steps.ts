import { canonicalVendor } from "~/server/lib/vendors";
import { HOST_RESTART, type FirmwareComponent } from "~/server/redfish";
import type { FirmwareType } from "./types";

/** A server's own steps, before and after its components. */
export const SERVER_STEPS_BEFORE = ["compliance_check", "log_versions"] as const;
export const SERVER_STEPS_AFTER = ["log_new_versions"] as const;

/**
 * The order components are updated in: the BMC first (a newer BMC is what the other updates are
 * tested against, and its reset must not interrupt a later flash), then BIOS, then the rest. No
 * vendor documentation we follow asks for another order (see ../shared/BMC-UPDATES.md).
 */
const ORDER: readonly FirmwareType[] = ["bmc", "bios", "storage_controller", "lsi_3108", "nic", "service_pack", "other"];
export const componentRank = (type: FirmwareType) => ORDER.indexOf(type);

/** The Redfish client's component for a catalog firmware type. */
export function redfishComponent(type: FirmwareType): FirmwareComponent {
  if (type === "lsi_3108") return "storage_controller";
  if (type === "service_pack") return "other";
  return type;
}

export type ApplyTimeChoice = "immediate" | "on_reset";

/**
 * One component's steps, in order: check the binary, the vendor's pre-step (Dell: a clear iDRAC job
 * queue), send, wait for the BMC's task, then the restart when the component needs one (or, staged
 * with on_reset, the wait for the operator's), then the confirmation by inventory. The components
 * needing a restart share ONE host restart, after the last of them was flashed (see `stepLayout`).
 */
export function componentSteps(type: FirmwareType, manufacturer: string, applyTime: ApplyTimeChoice): string[] {
  const steps = ["check_binary"];
  if (canonicalVendor(manufacturer) === "Dell") steps.push("clear_job_queue");
  steps.push("send_update", "wait_for_task");
  // Staged updates (on_reset) all wait for the operator's restart: it is what applies them, whatever the component.
  if (applyTime === "on_reset") steps.push("wait_for_reset");
  else if (HOST_RESTART[redfishComponent(type)]) steps.push("restart_host");
  steps.push("confirm_version");
  return steps;
}

/** A step's name as shown: the server's own steps bare, a component's prefixed with its type (`bios:send_update`). */
export const stepLabel = (name: string, component: string | null) => (component ? `${component}:${name}` : name);

export type LaidOutStep = { name: string; component: string | null; firmwareBinaryId: number | null };

/**
 * Every step of a server, in the order they run: its own first steps, the components in plan order
 * (those needing a restart up to their task's end), then one host restart for all of them and their
 * confirmations, then the final log. One reboot per server, however many components need it.
 */
export function stepLayout(components: { firmware_type: string; firmware_id: number; steps: string[] }[]): LaidOutStep[] {
  const rows: LaidOutStep[] = SERVER_STEPS_BEFORE.map((name) => ({ name, component: null, firmwareBinaryId: null }));
  const confirmations: LaidOutStep[] = [];
  for (const component of components) {
    const restarts = component.steps.includes("restart_host");
    for (const name of component.steps) {
      const row = { name, component: component.firmware_type, firmwareBinaryId: component.firmware_id };
      if (!restarts) rows.push(row);
      else if (name === "confirm_version") confirmations.push(row);
      else if (name !== "restart_host") rows.push(row);
    }
  }
  if (confirmations.length) rows.push({ name: "restart_host", component: null, firmwareBinaryId: null }, ...confirmations);
  rows.push(...SERVER_STEPS_AFTER.map((name) => ({ name, component: null, firmwareBinaryId: null })));
  return rows;
}
