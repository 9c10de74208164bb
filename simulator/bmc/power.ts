import type { Bmc } from "./bmc";
import { activatePending } from "./flash";

export const RESET_TYPES = ["On", "ForceOff", "GracefulShutdown", "GracefulRestart", "ForceRestart"] as const;
export type ResetType = (typeof RESET_TYPES)[number];

export function isResetType(value: unknown): value is ResetType {
  return RESET_TYPES.includes(value as ResetType);
}

/** Starts a power transition; returns why it conflicts with the current state, if it does. */
export function resetSystem(bmc: Bmc, type: ResetType): string | undefined {
  const state = bmc.power;
  if (type === "ForceOff") {
    if (state === "Off") return "The system is already powered off.";
    powerOff(bmc);
    return undefined;
  }
  if (state === "PoweringOn" || state === "PoweringOff") return `The system is ${state}; retry when the transition ends.`;
  switch (type) {
    case "On":
      if (state === "On") return "The system is already powered on.";
      powerOn(bmc);
      return undefined;
    case "GracefulShutdown":
      if (state === "Off") return "The system is already powered off.";
      powerOff(bmc);
      return undefined;
    default:
      if (state === "Off") powerOn(bmc);
      // A restart rests powered off for a moment, long enough for a poller to see Off.
      else powerOff(bmc, () => bmc.powerLater(bmc.timings.powerMs, () => powerOn(bmc)));
      return undefined;
  }
}

function powerOff(bmc: Bmc, then?: () => void): void {
  bmc.power = "PoweringOff";
  bmc.powerLater(bmc.timings.powerMs, () => {
    bmc.power = "Off";
    then?.();
  });
}

function powerOn(bmc: Bmc): void {
  bmc.power = "PoweringOn";
  bmc.powerLater(bmc.timings.powerMs, () => {
    bmc.power = "On";
    // Staged firmware (BIOS) is written during POST, so only a real power-on activates it.
    activatePending(bmc);
  });
}
