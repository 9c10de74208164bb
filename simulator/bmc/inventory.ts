import type { InventoryEntry } from "../vendors/types";
import type { Bmc } from "./bmc";

/** The updatable components as the firmware inventory reports them, each version in the inventory's spelling. */
export function componentEntries(bmc: Bmc): InventoryEntry[] {
  return bmc.profile.components.map((component): InventoryEntry => {
    const installed = bmc.reported(component.type) ?? "";
    return {
      id: component.id(installed),
      type: component.type,
      name: component.name(bmc),
      version: component.inventoryVersion?.(installed) ?? installed,
      softwareId: component.softwareId || undefined,
      updateable: true,
      description: component.description,
      manufacturer: component.manufacturer,
    };
  });
}

/** The whole firmware inventory: the components, arranged and completed the vendor's way. */
export function inventoryOf(bmc: Bmc): InventoryEntry[] {
  const components = componentEntries(bmc);
  return bmc.profile.inventory?.(bmc, components) ?? components;
}
