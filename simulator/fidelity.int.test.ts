import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleet, type BmcHandle, type Fleet } from "./index";
import type { WireResponse } from "./testing/client";
import { crawl, keepAliveClient, type Resource } from "./testing/crawl";
import { CHECKLIST } from "./testing/fidelity-checklist";
import { VENDOR_KEYS, type VendorKey } from "./types";
import { PROFILES } from "./vendors";

let fleet: Fleet;
const trees = new Map<BmcHandle, Map<string, WireResponse>>();
const byVendor = (vendor: VendorKey) => fleet.bmcs.find((bmc) => bmc.vendor === vendor && Object.keys(bmc.quirks).length === 0) as BmcHandle;
const variant = (quirk: "smartStorageOnly" | "trailingSlash") => fleet.bmcs.find((bmc) => bmc.quirks[quirk]) as BmcHandle;

beforeAll(async () => {
  fleet = await startFleet({
    base: "127.51.13.1",
    seed: 13,
    bmcs: [
      { count: 5, vendor: "mixed" },
      { vendor: "openbmc" },
      { vendor: "hpe-ilo5", quirks: { smartStorageOnly: true } },
      { vendor: "hpe-ilo5", quirks: { trailingSlash: true } },
    ],
  });
  for (const bmc of fleet.bmcs) trees.set(bmc, await crawl(bmc));
}, 120_000);
afterAll(() => fleet.stop());

/** The crawled resources of one type (`Memory` matches `#Memory.v1_7_1.Memory`, not `#MemoryCollection`). */
function ofType(bmc: BmcHandle, type: string): Resource[] {
  const pattern = new RegExp(`^#${type}\\.`);
  return [...(trees.get(bmc)?.values() ?? [])].map((answer) => answer.body).filter((body) => pattern.test(body?.["@odata.type"] ?? ""));
}
const one = (bmc: BmcHandle, type: string) => {
  const found = ofType(bmc, type);
  expect(found, type).toHaveLength(1);
  return found[0];
};
const modelOf = (bmc: BmcHandle) => PROFILES[bmc.vendor].models.find((model) => model.name === bmc.model)!;

describe.each(VENDOR_KEYS)("%s against its checklist", (vendor) => {
  const check = CHECKLIST[vendor];

  it("serves every resource it links to, each with its own @odata.id in the vendor's id style", () => {
    const bmc = byVendor(vendor);
    const tree = trees.get(bmc)!;
    expect(tree.size).toBeGreaterThanOrEqual(check.minResources);
    for (const [path, answer] of tree) {
      expect(answer.status, path).toBe(200);
      expect(answer.body["@odata.id"], path).toBe(path);
      expect(answer.body["@odata.type"], path).toMatch(/^#\w+\./);
      if (path !== "/redfish/v1/") expect(path.endsWith("/"), path).toBe(check.trailingSlash);
      if (Array.isArray(answer.body.Members)) expect(answer.body["Members@odata.count"], path).toBe(answer.body.Members.length);
    }
  });

  it("lists DIMM sockets the vendor's way, empty ones marked so a crawl does not over-count", () => {
    const bmc = byVendor(vendor);
    const { dimms } = modelOf(bmc);
    const sockets = ofType(bmc, check.memory.hpMemory ? "HpMemory" : "Memory");
    expect(sockets).toHaveLength(check.memory.everySocket ? dimms.slots : dimms.count);
    const empty = sockets.filter((dimm) => (check.memory.hpMemory ? dimm.DIMMStatus === "NotPresent" : dimm.Status.State === "Absent"));
    expect(sockets.length - empty.length).toBe(dimms.count);
    for (const dimm of empty) expect(dimm.CapacityMiB ?? dimm.SizeMB).toBe(0);
  });

  it("reports storage where the vendor does: DMTF Storage and/or HPE SmartStorage", () => {
    const bmc = byVendor(vendor);
    const system = one(bmc, "ComputerSystem");
    expect(system.Storage !== undefined).toBe(check.storage.dmtf);
    expect(system.Oem?.[check.oem]?.Links?.SmartStorage !== undefined).toBe(check.storage.smartStorage);
    if (check.storage.smartStorage) {
      const controller = one(bmc, `${check.oem}SmartStorageArrayController`);
      expect(controller.FirmwareVersion.Current.VersionString).toBe(bmc.firmware.storage_controller);
      expect(ofType(bmc, `${check.oem}SmartStorageDiskDrive`)).toHaveLength(modelOf(bmc).drives.count);
      expect(one(bmc, `${check.oem}SmartStorageLogicalDrive`).Raid).toBe("1");
    }
  });

  it("describes processors, host NICs, the chassis' power, thermal, adapters and PCIe devices", () => {
    const bmc = byVendor(vendor);
    for (const cpu of ofType(bmc, "Processor")) {
      expect(cpu).toMatchObject({ SerialNumber: expect.any(String), PartNumber: expect.any(String) });
      expect(cpu.ProcessorId).toMatchObject({ VendorId: "GenuineIntel", IdentificationRegisters: expect.stringMatching(/^0x[0-9A-F]{8}$/) });
    }
    if (check.hostNics === "EthernetInterfaces") {
      const nics = ofType(bmc, "EthernetInterface").filter((nic) => nic["@odata.id"].includes("/Systems/"));
      expect(nics.map((nic) => nic.MACAddress)).toEqual(bmc.identity.macs);
      expect(nics[0]).toMatchObject({ MTUSize: 1500, DHCPv4: { DHCPEnabled: true }, VLAN: { VLANEnable: false } });
      expect(nics[0].IPv4Addresses[0]).toMatchObject({ Address: expect.any(String), AddressOrigin: "DHCP" });
      expect(nics[0].IPv6Addresses[0].Address).toMatch(/^fe80::/);
    } else {
      expect(one(bmc, "HpNetworkAdapter").PhysicalPorts.map((port: Resource) => port.MacAddress.toUpperCase())).toEqual(bmc.identity.macs);
    }
    const power = one(bmc, "Power");
    expect(power.PowerSupplies).toEqual([expect.objectContaining({ FirmwareVersion: expect.any(String), SerialNumber: expect.any(String) }), expect.anything()]);
    expect(power.PowerControl[0].PowerConsumedWatts).toBeGreaterThan(0);
    const thermal = one(bmc, "Thermal");
    expect(thermal.Fans.length).toBeGreaterThan(0);
    expect(thermal.Temperatures.every((sensor: Resource) => typeof sensor.ReadingCelsius === "number")).toBe(true);
    expect(ofType(bmc, "NetworkAdapter").length > 0).toBe(check.chassisAdapters);
    if (check.chassisAdapters) {
      const ports = ofType(bmc, "NetworkPort").flatMap((port) => port.AssociatedNetworkAddresses);
      expect(ports).toEqual(bmc.identity.macs);
      expect(ofType(bmc, "PCIeDevice")).toHaveLength(2);
      expect(ofType(bmc, "PCIeFunction").map((fn) => fn.DeviceClass).sort()).toEqual(["MassStorageController", "NetworkController"]);
    }
  });

  it("spells versions the vendor's way, the compliance place holding exactly what the BMC runs", () => {
    const bmc = byVendor(vendor);
    const system = one(bmc, "ComputerSystem");
    const manager = one(bmc, "Manager");
    expect(system.BiosVersion).toBe(bmc.firmware.bios);
    expect(system.BiosVersion).toMatch(check.versions.bios);
    expect(manager.FirmwareVersion).toBe(bmc.firmware.bmc);
    expect(manager.FirmwareVersion).toMatch(check.versions.bmc);
    const inventory = vendor === "hpe-ilo4" ? null : ofType(bmc, "SoftwareInventory").filter((entry) => entry["@odata.id"].includes("/FirmwareInventory/"));
    if (!inventory) return;
    const [bios, bmcEntry] = ["bios", "bmc"].map((type) => {
      const related = type === "bios" ? system["@odata.id"] : manager["@odata.id"];
      return inventory.find((entry) => entry.Updateable && entry.RelatedItem?.some((item: Resource) => item["@odata.id"] === related));
    });
    expect(bios?.Version).toMatch(check.versions.biosInventory);
    expect(bmcEntry?.Version).toMatch(check.versions.bmcInventory);
  });

  it("keeps the fuller firmware inventory real BMCs give", () => {
    const bmc = byVendor(vendor);
    const expected = check.inventory;
    const inventory = ofType(bmc, "SoftwareInventory").filter((entry) => entry["@odata.id"].includes("/FirmwareInventory/"));
    if (!expected) return expect(inventory).toEqual([]);
    expect(inventory.map((entry) => entry.Name)).toEqual(expect.arrayContaining(expected.names));
    for (const entry of inventory) expect(entry.Id).toMatch(expected.ids);
    expect(new Set(inventory.map((entry) => entry.Updateable))).toEqual(new Set(expected.mixedUpdateable ? [true, false] : [true]));
    if (expected.driveSoftwareId) {
      const drives = inventory.filter((entry) => entry.Name === "Drive");
      expect(drives).toHaveLength(modelOf(bmc).drives.count);
      for (const drive of drives) expect(drive.SoftwareId).toMatch(expected.driveSoftwareId);
    }
  });

  it("writes @odata.etag and Description where the vendor does", () => {
    const bmc = byVendor(vendor);
    const bodies = [...trees.get(bmc)!.values()].map((answer) => answer.body);
    for (const body of bodies) {
      if (check.etag) expect(body["@odata.etag"], body["@odata.id"]).toMatch(check.etag);
      else expect(body["@odata.etag"], body["@odata.id"]).toBeUndefined();
    }
    for (const type of check.descriptions) expect(ofType(bmc, type)[0]?.Description, type).toEqual(expect.any(String));
  });

  it("offers the services clients probe: network protocol, logs, events, roles, software inventory, registries", async () => {
    const bmc = byVendor(vendor);
    expect(one(bmc, "ManagerNetworkProtocol")).toMatchObject({ HTTPS: { ProtocolEnabled: true, Port: 443 }, SSH: { Port: 22 } });
    expect(ofType(bmc, "LogEntry").length).toBeGreaterThan(0);
    expect(one(bmc, "EventService")).toMatchObject({ ServiceEnabled: true, Subscriptions: expect.any(Object) });
    expect(ofType(bmc, "Role").map((role) => role.RoleId).sort()).toEqual(["Administrator", "Operator", "ReadOnly"]);
    expect(ofType(bmc, "JsonSchemaFile").length).toBeGreaterThan(10);
    const registries = ofType(bmc, "MessageRegistryFile").map((file) => file.Id);
    expect(registries).toEqual(check.oemRegistry ? ["Base", check.oemRegistry] : ["Base"]);
    const client = keepAliveClient(bmc);
    try {
      for (const file of ofType(bmc, "MessageRegistryFile")) {
        const registry = await client.get(file.Location[0].Uri);
        expect(registry.body).toMatchObject({ RegistryPrefix: file.Id, Messages: expect.any(Object) });
      }
      if (vendor !== "hpe-ilo4") expect((await client.get(bmc.paths.softwareInventory)).status).toBe(200);
      const expanded = await client.get(`${bmc.paths.managers}?$expand=.`);
      if (check.expand) expect(expanded.body.Members[0].FirmwareVersion).toBe(bmc.firmware.bmc);
      else expect(expanded.status).toBe(501);
    } finally {
      client.close();
    }
  });
});

describe("iLO 5 firmware variants", () => {
  it("2.46 exposes storage only under Oem.Hpe.Links.SmartStorage", async () => {
    const bmc = variant("smartStorageOnly");
    const system = one(bmc, "ComputerSystem");
    expect(system.Storage).toBeUndefined();
    expect(ofType(bmc, "Storage")).toEqual([]);
    expect(ofType(bmc, "HpeSmartStorageDiskDrive")).toHaveLength(modelOf(bmc).drives.count);
    const drives = ofType(bmc, "SoftwareInventory").filter((entry) => entry.Name === "Drive");
    expect(drives[0].RelatedItem[0]["@odata.id"]).toMatch(/\/SmartStorage\/ArrayControllers\/0\/DiskDrives\/0$/);
    const client = keepAliveClient(bmc);
    expect((await client.get(`${system["@odata.id"]}/Storage`)).status).toBe(404);
    client.close();
  });

  it("older firmware writes every @odata.id with a trailing slash", () => {
    const bmc = variant("trailingSlash");
    const ids = [...trees.get(bmc)!.keys()];
    expect(ids.length).toBeGreaterThanOrEqual(CHECKLIST["hpe-ilo5"].minResources);
    expect(ids.every((id) => id.endsWith("/"))).toBe(true);
  });

  it("refuses a variant the profile does not have", async () => {
    await expect(startFleet({ base: "127.51.13.40", vendor: "dell", quirks: { smartStorageOnly: true } })).rejects.toThrow(/dell has no smartStorageOnly variant/);
  });
});

describe("iLO 4's pre-Redfish tree", () => {
  it("links the services ilorest looks for from /rest/v1", async () => {
    const bmc = byVendor("hpe-ilo4");
    const client = keepAliveClient(bmc);
    const root = await client.get("/rest/v1");
    client.close();
    for (const relation of ["Schemas", "Registries", "AccountService", "EventService", "SessionService", "Systems"]) {
      expect(root.body.links[relation]?.href, relation).toBe(`/rest/v1/${relation}`);
    }
  });
});
