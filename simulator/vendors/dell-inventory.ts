import type { Bmc } from "../bmc/bmc";
import type { ComponentSpec, InventoryEntry } from "./types";

/**
 * iDRAC's inventory ids: `<state>-<component id>-<version>__<FQDD>`, state `Installed`, `Current`
 * (BIOS lists both) or `Previous` (the version an update replaced, kept for rollback).
 */
export function dellId(state: "Installed" | "Current" | "Previous", softwareId: string, version: string, fqdd: string): string {
  return `${state}-${softwareId}-${version}__${fqdd}`;
}

/** The FQDD each component's inventory id ends with. */
export const DELL_FQDD: Record<string, string> = {
  bios: "BIOS.Setup.1-1",
  bmc: "iDRAC.Embedded.1-1",
  storage_controller: "RAID.Integrated.1-1",
  nic: "NIC.Integrated.1-1-1",
};

interface Part {
  softwareId: string;
  fqdd: string;
  name: string;
  version: string;
  updateable: boolean;
}

function part(bmc: Bmc, { softwareId, fqdd, name, version, updateable }: Part, state: "Installed" | "Previous" = "Installed"): InventoryEntry {
  return { id: dellId(state, softwareId, version, fqdd), name, version, softwareId, updateable, manufacturer: bmc.profile.manufacturer };
}

/**
 * The inventory of an R650 with iDRAC 5.10: the components, BIOS a second time as `Current-`, one
 * entry per NIC port, the Lifecycle Controller, CPLD, power supplies, backplane and disks, and a
 * `Previous-` entry for every version an update replaced.
 */
export function dellInventory(bmc: Bmc, components: InventoryEntry[], specs: readonly ComponentSpec[]): InventoryEntry[] {
  const version = (type: string) => bmc.reported(type as never) ?? "";
  const nic = components.find((entry) => entry.type === "nic");
  const bios = components.find((entry) => entry.type === "bios");
  const { hardware } = bmc.profile;
  const { drives } = bmc.modelSpec;
  const parts: Part[] = [
    { softwareId: "28897", fqdd: "USC.Embedded.1:LC.Embedded.1", name: "Lifecycle Controller", version: version("bmc"), updateable: false },
    { softwareId: "27763", fqdd: "CPLD.Embedded.1", name: "System CPLD", version: "1.0.6", updateable: true },
    ...[1, 2].map((slot) => ({
      softwareId: "101097",
      fqdd: `PSU.Slot.${slot}`,
      name: `${hardware.psu.name(slot).replace(/ Status$/, "")}`,
      version: hardware.psu.firmware,
      updateable: true,
    })),
    { softwareId: "107145", fqdd: "Enclosure.Internal.0-1:RAID.Integrated.1-1", name: "BP15G+ 0:1", version: "4.35", updateable: true },
    ...Array.from({ length: drives.count }, (_, i) => ({
      softwareId: "104873",
      fqdd: `Disk.Bay.${i}:Enclosure.Internal.0-1:RAID.Integrated.1-1`,
      name: `Disk ${i} in Backplane 1 of Integrated RAID Controller 1`,
      version: drives.firmware,
      updateable: true,
    })),
    { softwareId: "101734", fqdd: "OSCollector.Embedded.1", name: "OS Collector", version: "4.1", updateable: true },
  ];
  const nicId = nic?.softwareId;
  if (!nic || !nicId || !bios?.softwareId) throw new Error("the Dell profile declares its NIC and BIOS components");
  // iDRAC lists the NIC once per port, each with that port's MAC in its name.
  const ports = bmc.identity.macs.slice(1).map(
    (mac, i): InventoryEntry => ({
      ...nic,
      id: dellId("Installed", nicId, nic.version, `NIC.Integrated.1-${i + 2}-1`),
      name: nic.name.replace(/ - .*$/, ` - ${mac}`),
    }),
  );
  const current = { ...bios, id: dellId("Current", bios.softwareId, bios.version, DELL_FQDD.bios) };
  const previous = specs.flatMap((spec) => {
    const replaced = bmc.updates.previous.get(spec.type);
    if (replaced === undefined) return [];
    return [part(bmc, { softwareId: spec.softwareId, fqdd: DELL_FQDD[spec.type], name: spec.name(bmc), version: replaced, updateable: false }, "Previous")];
  });
  return [current, ...components, ...ports, ...parts.map((entry) => part(bmc, entry)), ...previous];
}
