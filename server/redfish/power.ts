/**
 * Host power around an update: read the power state, restart gracefully (GracefulRestart, else
 * GracefulShutdown and On once off), force a restart after a timeout, shut down before an update
 * that needs the host off, power on. Each call is one request or two; the waiting is the caller's.
 */
import { allowableValues } from "./action-info";
import type { RedfishClient } from "./client";
import { RedfishProtocolError } from "./errors";
import { bmcWords } from "./update/answer";
import { dig } from "./odata";
import { powerStateOf } from "./inventory";

const RESET = "#ComputerSystem.Reset";

/** `PowerState` as reported (`On`, `Off`, `PoweringOn`, `PoweringOff`), null when the system does not say. */
export async function readPowerState(client: RedfishClient, systemPath: string): Promise<string | null> {
  return (await readSystemPower(client, systemPath)).power;
}

/** `readPowerState` with the system resource it read (which also holds the BIOS version: `readInstalledVersion`'s `justRead`). */
export async function readSystemPower(client: RedfishClient, systemPath: string): Promise<{ power: string | null; system: { path: string; resource: unknown } }> {
  const resource = await client.getResource(systemPath);
  return { power: powerStateOf(resource), system: { path: systemPath, resource } };
}

export interface ResetOutcome {
  /** The `ResetType` sent; null when nothing was sent (the host was already where it should be). */
  resetType: string | null;
  /** The BMC took it (2xx); false when it answered 409 (a transition under way, or already in that state): ask again later. */
  accepted: boolean;
  /** The host is going down and must be powered on once `Off` (`powerOn`): a shutdown or ForceOff was sent. */
  powerOnWhenOff: boolean;
  /** The BMC's words when it refused. */
  message: string | null;
}

const GRACEFUL = ["GracefulRestart", "GracefulShutdown"];
const FORCED = ["ForceRestart", "PowerCycle", "ForceOff"];

async function reset(client: RedfishClient, system: unknown, resetType: string): Promise<ResetOutcome> {
  const response = await client.postAction(system, RESET, { ResetType: resetType });
  const powerOnWhenOff = resetType === "GracefulShutdown" || resetType === "ForceOff";
  if (response.status < 300) return { resetType, accepted: true, powerOnWhenOff, message: null };
  if (response.status === 409) return { resetType, accepted: false, powerOnWhenOff, message: bmcWords(response.body) };
  throw RedfishProtocolError.answered(client.bmc, `${resetType} answered ${response.status}: ${bmcWords(response.body) ?? response.text.slice(0, 200)}`, response);
}

/**
 * Restarts the host so staged firmware (BIOS) is written: `graceful` asks the OS (GracefulRestart,
 * else GracefulShutdown), `forced` does not wait for it (ForceRestart, else PowerCycle, else
 * ForceOff), each as `ResetType@Redfish.AllowableValues` (or the action's ActionInfo) offers; a
 * host that is off is simply powered on.
 */
export async function restartHost(client: RedfishClient, systemPath: string, mode: "graceful" | "forced"): Promise<ResetOutcome> {
  const system = await client.getResource(systemPath);
  if (/^off$/i.test(powerStateOf(system) ?? "")) return reset(client, system, "On");
  const allowed = await allowableValues(client, dig(system, "Actions", RESET), "ResetType");
  const wanted = mode === "graceful" ? GRACEFUL : FORCED;
  const resetType = allowed ? wanted.find((type) => allowed.includes(type)) : wanted[0];
  if (!resetType) {
    throw new RedfishProtocolError(client.bmc, `${systemPath} offers no ${mode} reset (it offers ${allowed?.join(", ") || "none"})`);
  }
  return reset(client, system, resetType);
}

/**
 * Powers the host off before an update that needs it off (`plan.hostOffFirst`): GracefulShutdown,
 * or ForceOff when `forced` (after the caller's graceful timeout). A host already off (or powering
 * off) is left as it is.
 */
export async function shutDownHost(client: RedfishClient, systemPath: string, mode: "graceful" | "forced"): Promise<ResetOutcome> {
  const system = await client.getResource(systemPath);
  if (/^(off|poweringoff)$/i.test(powerStateOf(system) ?? "")) return { resetType: null, accepted: true, powerOnWhenOff: false, message: null };
  return reset(client, system, mode === "graceful" ? "GracefulShutdown" : "ForceOff");
}

/** Powers the host on; a host already on (or powering on) is left as it is. */
export async function powerOn(client: RedfishClient, systemPath: string): Promise<ResetOutcome> {
  const system = await client.getResource(systemPath);
  if (/^(on|poweringon)$/i.test(powerStateOf(system) ?? "")) return { resetType: null, accepted: true, powerOnWhenOff: false, message: null };
  return reset(client, system, "On");
}
