import type { RedfishClient } from "../client";
import { dig, idOf, linkOf, linksOf, pathKey, prop, stateOf, text, texts, type Json } from "../odata";
import { classifyFirmware } from "../vendors/classify";
import type { FirmwareFacts, VendorQuirks } from "../vendors/types";
import type { FirmwareEntry, ManagerInfo } from "./types";

interface Topology {
  systems: string[];
  managers: ManagerInfo[];
}

/** What a `RelatedItem` path is: the system (or its BIOS), its storage, its network, a manager. */
function relationOf(target: string, topology: Topology): { related: FirmwareFacts["related"]; systems: string[] | null } {
  const key = pathKey(target);
  const system = topology.systems.find((id) => key === pathKey(id) || key.startsWith(`${pathKey(id)}/`));
  const manager = topology.managers.find((entry) => key === pathKey(entry.odataId) || key.startsWith(`${pathKey(entry.odataId)}/`));
  let related: FirmwareFacts["related"] = null;
  if (/\/(simplestorage|storage|smartstorage)(\/|$)/.test(key)) related = "storage";
  else if (/\/(ethernetinterfaces|networkadapters|networkinterfaces)(\/|$)/.test(key)) related = "network";
  else if (system && (key === pathKey(system) || key.endsWith("/bios"))) related = "system";
  else if (manager && key === pathKey(manager.odataId)) related = "manager";
  if (system) return { related, systems: [system] };
  const managed = topology.systems.filter((id) => manager?.systems.some((target) => pathKey(target) === pathKey(id)));
  if (managed.length > 0) return { related, systems: managed };
  return { related, systems: null };
}

/**
 * Which systems an entry belongs to: those its `RelatedItem`s point into (directly, or through the
 * manager that manages them); else every system of the BMC (firmware of a shared part: the BMC of a
 * rack server, an enclosure's own parts).
 */
function place(relatedItems: string[], topology: Topology) {
  const relations = relatedItems.map((target) => relationOf(target, topology));
  const related = relations.find((relation) => relation.related)?.related ?? null;
  const systems = [...new Set(relations.flatMap((relation) => relation.systems ?? []))];
  return { related, systems: systems.length > 0 ? systems : topology.systems };
}

async function readDmtfInventory(client: RedfishClient): Promise<Json[] | null> {
  const updateService = linkOf(client.root, "UpdateService");
  const service = updateService ? await client.findSettledResource(updateService) : null;
  const inventory = service ? linkOf(service, "FirmwareInventory") : null;
  return inventory ? client.findMembers(inventory) : null;
}

/** The BMC's firmware inventory, each entry classified and placed on its systems; null when it serves none. */
export async function readFirmware(client: RedfishClient, systems: Json[], topology: Topology, quirks: VendorQuirks): Promise<FirmwareEntry[] | null> {
  const members = await readDmtfInventory(client);
  if (members) {
    return members.map((member) => {
      const id = text(prop(member, "Id")) ?? idOf(member) ?? "";
      const { related, systems: placed } = place(linksOf(prop(member, "RelatedItem")), topology);
      const facts = { id, name: text(prop(member, "Name")), softwareId: text(prop(member, "SoftwareId")), description: text(prop(member, "Description")), related };
      const updateable = prop(member, "Updateable");
      return {
        id,
        odataId: idOf(member) ?? "",
        name: facts.name,
        version: text(prop(member, "Version")),
        softwareId: facts.softwareId,
        updateable: typeof updateable === "boolean" ? updateable : null,
        state: stateOf(member),
        component: classifyFirmware(facts, quirks),
        systems: placed,
      };
    });
  }
  const oem = await quirks.readFirmware?.(client, systems);
  if (!oem) return null;
  return oem.map((entry) => ({
    id: entry.id,
    odataId: entry.odataId,
    name: entry.name,
    version: entry.version,
    softwareId: null,
    updateable: null,
    state: null,
    component: classifyFirmware({ id: entry.id, name: entry.name, softwareId: null, description: entry.description, related: null }, quirks),
    systems: [entry.system],
  }));
}

export function managerInfo(manager: Json): ManagerInfo {
  return {
    odataId: idOf(manager) ?? "",
    ...texts(manager, { id: "Id", model: "Model", managerType: "ManagerType", uuid: "UUID" }),
    // iLO 4's pre-Redfish Manager.0.10 reports `Firmware.Current.VersionString` instead.
    firmwareVersion: text(prop(manager, "FirmwareVersion")) ?? text(dig(manager, "Firmware", "Current", "VersionString")),
    systems: linksOf(dig(manager, "Links", "ManagerForServers")),
  };
}
