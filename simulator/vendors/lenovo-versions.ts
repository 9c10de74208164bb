import type { Bmc } from "../bmc/bmc";
import type { InventoryEntry } from "./types";

/**
 * XCC names each firmware build (`CDI3A6M`: XCC for SR630/SR650, `IVE176J`: their UEFI) and reports
 * `<build>-<version>` in the system's `BiosVersion` and the manager's `FirmwareVersion`, while its
 * firmware inventory drops the 4-character family into `SoftwareId` (`BMC-CDI3-10`) and keeps
 * `<rest of the build>-<version>` (`A6M-9.50`), as Lenovo's XCC REST API guide shows.
 */
const BUILD = /^([A-Z]{3}\d)([0-9A-Z]{3})-(.+)$/;

export function lenovoInventoryVersion(version: string): string {
  const match = BUILD.exec(version);
  return match ? `${match[2]}-${match[3]}` : version;
}

/** LXPM and its driver packs, with XCC's backup bank: listed beside the firmware, not flashed by Rackpilot. */
export function lenovoInventory(bmc: Bmc, components: InventoryEntry[]): InventoryEntry[] {
  const primary = components.find((entry) => entry.type === "bmc");
  const backup = bmc.updates.previous.get("bmc") ?? bmc.reported("bmc") ?? "";
  const psus = [1, 2].map(
    (n): InventoryEntry => ({ id: `PSU${n}`, name: `Firmware:PSU${n}`, version: bmc.profile.hardware.psu.firmware, softwareId: "PSU", updateable: true }),
  );
  const extras: InventoryEntry[] = [
    { id: "BMC-Backup", name: "Firmware:BMC", version: lenovoInventoryVersion(backup), softwareId: primary?.softwareId, updateable: false, status: null },
    { id: "LXPM", name: "Firmware:LXPM", version: "42K-2.08", softwareId: "LXPM-PDL1-10", updateable: false },
    { id: "LXPMWindowsDriver", name: "Firmware:LXPMWindowsDriver", version: "42K-2.08", softwareId: "LXPMWindowsDriver-PDL3-10", updateable: false },
    { id: "LXPMLinuxDriver", name: "Firmware:LXPMLinuxDriver", version: "42K-2.08", softwareId: "LXPMLinuxDriver-PDL2-10", updateable: false },
  ];
  const [bmcEntry, ...rest] = components;
  return [bmcEntry, ...extras.slice(0, 1), ...rest, ...extras.slice(1), ...psus];
}
