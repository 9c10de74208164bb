import { expect } from "vitest";
import type { BmcHandle, Fleet } from "~/simulator";
import type { Bmc } from "~/simulator/bmc/bmc";
import { hostIpv4, linkLocal } from "~/simulator/bmc/hardware";
import { inventoryOf } from "~/simulator/bmc/inventory";
import { PROFILES } from "~/simulator/vendors";
import type { InventoryEntry } from "~/simulator/vendors/types";
import { canonicalVendor } from "../lib/vendors";
import type { TestApi } from "./api-server";
import { createTestNode } from "./inventory";
import { certificateSha256 } from "./scans";

/** An auth profile made through the API, with its credentials in order; answers their ids. */
export async function createTestProfile(api: TestApi, token: string, credentials: { username: string; password: string }[], name = `Rack ${Math.random()}`) {
  const profile = await api.request("POST", "/api/node_discovery/auth_profile/", { token, json: { node_classification: name, bmc: "redfish" } });
  const credentialIds: number[] = [];
  for (const credential of credentials) {
    credentialIds.push((await api.request("POST", `/api/node_discovery/auth_profile/${profile.body.id}/credentials/`, { token, json: credential })).body.id);
  }
  return { id: profile.body.id as number, credentialIds };
}

/** The node a scan would have recorded for a simulated BMC (its certificate trusted). */
export function createNodeFor(api: TestApi, fleet: Fleet, bmc: BmcHandle, values: Parameters<typeof createTestNode>[1] = {}) {
  return createTestNode(api.db, { ip: bmc.address, port: bmc.port, vendor: "", product: "", certificateSha256: certificateSha256(fleet.certificate!), ...values });
}

const COMPONENT_OF: Record<string, string> = { bios: "bios", bmc: "bmc", storage_controller: "storage_controller", lsi_3108: "storage_controller", nic: "nic", service_pack: "other" };
// Dell's `Current-` BIOS duplicate is `other`.
const componentOf = (entry: InventoryEntry) => (entry.type && !entry.id.startsWith("Current-") ? COMPONENT_OF[entry.type] : "other");

/** The server and its parts, read through the API, against the simulated BMC's own state, field by field. */
export async function expectServerMatchesSimulator(api: TestApi, token: string, serverId: number, handle: BmcHandle) {
  const bmc = handle as unknown as Bmc;
  const profile = PROFILES[bmc.vendor];
  const model = profile.models.find((candidate) => candidate.name === bmc.model)!;
  const get = async (part = "") => (await api.request("GET", `/api/server/${serverId}/${part}`, { token })).body;
  expect(await get()).toMatchObject({
    name: bmc.identity.hostName,
    manufacturer: canonicalVendor(profile.manufacturer),
    manufacturer_reported: profile.manufacturer,
    model: bmc.model,
    sku: bmc.identity.sku,
    serial_number: bmc.serial,
    uuid: bmc.identity.uuid,
    hostname: bmc.identity.hostName,
    power_state: bmc.powerState,
    bios_version: bmc.firmware.bios,
    bmc_firmware_version: bmc.firmware.bmc,
    bmc_url: `https://${bmc.address}:${bmc.port}`,
    processor_count: model.cpu.count,
    processor_model: model.cpu.model,
    memory_gib: (model.dimms.count * model.dimms.sizeMiB) / 1024,
    inventory_updated_at: expect.stringMatching(/Z$/),
  });
  const processors = await get("processors/");
  expect(processors).toHaveLength(model.cpu.count);
  for (const cpu of processors) expect(cpu).toMatchObject({ model: model.cpu.model, total_cores: model.cpu.cores, total_threads: model.cpu.threads, max_speed_mhz: model.cpu.speedMhz });
  const nics = (await get("ethernet_interfaces/")) as { mac_address: string; link_status: string; ipv4_addresses: string[]; ipv6_addresses: string[] }[];
  expect(nics.map((nic) => nic.mac_address).sort()).toEqual([...bmc.identity.macs].sort());
  for (const [i, mac] of bmc.identity.macs.entries()) {
    const nic = nics.find((candidate) => candidate.mac_address === mac)!;
    const ipv4 = hostIpv4(bmc, i + 1);
    expect([nic.link_status, nic.ipv4_addresses], mac).toEqual(ipv4 ? ["LinkUp", [ipv4]] : ["LinkDown", []]);
    if (ipv4 && bmc.vendor !== "hpe-ilo4") expect(nic.ipv6_addresses).toEqual([linkLocal(mac)]);
  }
  const [storage, ...more] = await get("storages/");
  expect(more).toEqual([]);
  const controllerType = bmc.firmware.lsi_3108 !== undefined ? "lsi_3108" : "storage_controller";
  expect(storage.controllers[0].firmware_version).toBe(bmc.firmware[controllerType]);
  expect(storage.drives.map((drive: { model: string }) => drive.model)).toEqual(Array(model.drives.count).fill(model.drives.model));
  expect(storage.drives.map((drive: { serial_number: string }) => drive.serial_number).sort()).toEqual([...bmc.identity.driveSerials].sort());
  expect(storage.volumes.map((volume: { raid_type: string }) => volume.raid_type)).toEqual(["RAID1"]);
  const firmwares = (await get("firmwares/")) as { inventory_id: string; name: string; version: string; software_id: string; updateable: boolean | null; component: string }[];
  const served = inventoryOf(bmc);
  expect(firmwares).toHaveLength(served.length);
  // iLO 4's own inventory has no ids or flags, only names and versions per device class.
  const legacy = bmc.vendor === "hpe-ilo4";
  for (const entry of served) {
    const stored = firmwares.find((candidate) => (legacy ? candidate.name === entry.name && candidate.version === entry.version : candidate.inventory_id === entry.id));
    expect(stored, `${bmc.vendor} ${entry.id}`).toMatchObject({ name: entry.name, version: entry.version, component: componentOf(entry) });
    if (!legacy) expect(stored).toMatchObject({ software_id: entry.softwareId ?? "", updateable: entry.updateable ?? null });
  }
}
