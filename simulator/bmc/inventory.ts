import type { InventoryEntry } from "../vendors/types";
import type { Bmc } from "./bmc";

/** The firmware inventory as the BMC reports it: installed versions plus vendor extras. */
export function inventoryOf(bmc: Bmc): InventoryEntry[] {
  const entries = bmc.profile.components.map((component): InventoryEntry => {
    const version = bmc.installed.get(component.type) ?? "";
    return {
      id: component.id(version),
      type: component.type,
      name: component.name(bmc),
      version,
      softwareId: component.softwareId,
      updateable: true,
    };
  });
  return [...entries, ...(bmc.profile.inventoryExtras?.(bmc) ?? [])];
}
