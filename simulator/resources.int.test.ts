import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleet, type BmcHandle, type Fleet } from "./index";
import { bmcClient, request } from "./testing/client";
import { VENDOR_KEYS, type VendorKey } from "./types";
import { PROFILES } from "./vendors";

const EXPECTED: Record<VendorKey, { vendor: string; system: string; manager: string; manufacturer: string; controller: RegExp; product: RegExp }> = {
  dell: {
    vendor: "Dell",
    system: "/redfish/v1/Systems/System.Embedded.1",
    manager: "/redfish/v1/Managers/iDRAC.Embedded.1",
    manufacturer: "Dell Inc.",
    controller: /^PERC H755/,
    product: /Integrated Dell Remote Access Controller/,
  },
  "hpe-ilo5": {
    vendor: "HPE",
    system: "/redfish/v1/Systems/1",
    manager: "/redfish/v1/Managers/1",
    manufacturer: "HPE",
    controller: /Smart Array P408i/,
    product: /ProLiant DL3[68]0 Gen10 Plus/,
  },
  "hpe-ilo4": {
    vendor: "HPE",
    system: "/redfish/v1/Systems/1/",
    manager: "/redfish/v1/Managers/1/",
    manufacturer: "HP",
    controller: /Smart Array P440ar/,
    product: /ProLiant DL3[68]0 Gen9/,
  },
  supermicro: {
    vendor: "Supermicro",
    system: "/redfish/v1/Systems/1",
    manager: "/redfish/v1/Managers/1",
    manufacturer: "Supermicro",
    controller: /^LSI MegaRAID SAS 3108$/,
    product: /SYS-[12]20U-TNR/,
  },
  lenovo: {
    vendor: "Lenovo",
    system: "/redfish/v1/Systems/1",
    manager: "/redfish/v1/Managers/1",
    manufacturer: "Lenovo",
    controller: /ThinkSystem RAID 930-8i/,
    product: /ThinkSystem SR6[35]0/,
  },
  openbmc: {
    vendor: "OpenBMC",
    system: "/redfish/v1/Systems/system",
    manager: "/redfish/v1/Managers/bmc",
    manufacturer: "ASRockRack",
    controller: /^FCH SATA Controller/,
    product: /ROMED8HM3|SPC621D8HM3/,
  },
};

let fleet: Fleet;
const byVendor = (vendor: VendorKey) => fleet.bmcs.find((bmc) => bmc.vendor === vendor) as BmcHandle;

beforeAll(async () => {
  fleet = await startFleet({ base: "127.51.1.1", seed: 11, bmcs: [{ count: 5, vendor: "mixed" }, { vendor: "openbmc" }] });
});
afterAll(() => fleet.stop());

describe.concurrent.each(VENDOR_KEYS)("%s resources", (vendor) => {
  const expected = EXPECTED[vendor];
  const get = async (path: string) => {
    const response = await bmcClient(byVendor(vendor)).get(path);
    expect(response.status, `GET ${path}`).toBe(200);
    return response.body;
  };
  const members = async (path: string) => {
    const body = await get(path);
    expect(body["Members@odata.count"]).toBe(body.Members.length);
    return Promise.all(body.Members.map((member: { "@odata.id": string }) => get(member["@odata.id"])));
  };

  it("serves the service root and version document without credentials", async () => {
    const bmc = byVendor(vendor);
    expect((await request(`${bmc.url}/redfish`)).body).toEqual({ v1: "/redfish/v1/" });
    for (const path of ["/redfish/v1/", "/redfish/v1"]) {
      const { status, body } = await request(`${bmc.url}${path}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ "@odata.id": "/redfish/v1/", "@odata.type": expect.stringMatching(/^#ServiceRoot\./) });
      expect(body.Vendor).toBe(expected.vendor);
      expect(body.Product).toMatch(expected.product);
      expect(body.UUID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(body.RedfishVersion).toMatch(/^1\.\d+\.\d+$/);
      for (const key of ["Systems", "Chassis", "Managers", "SessionService", "UpdateService", "Tasks", "AccountService"]) {
        expect(body[key]["@odata.id"], key).toMatch(/^\/redfish\/v1\//);
      }
      expect(body.Links.Sessions["@odata.id"]).toMatch(/^\/redfish\/v1\/SessionService\/Sessions\/?$/);
    }
    expect((await request(`${bmc.url}/redfish/v1/$metadata`)).text).toContain("<edmx:Edmx");
    expect((await request(`${bmc.url}/redfish/v1/odata`)).body.value).toContainEqual({ name: "Systems", kind: "Singleton", url: "/redfish/v1/Systems" });
  });

  it("answers 401 with a Redfish error and WWW-Authenticate without credentials", async () => {
    const bmc = byVendor(vendor);
    const response = await request(`${bmc.url}${expected.system}`);
    expect(response.status).toBe(401);
    expect(response.headers["www-authenticate"]).toMatch(/^Basic realm=/);
    expect(response.body.error.code).toMatch(/GeneralError$/);
    expect(response.body.error["@Message.ExtendedInfo"][0].MessageId).toMatch(/^Base\.\d+\.\d+\.NoValidSession$/);
    const wrong = await request(`${bmc.url}${expected.system}`, { basic: { username: bmc.username, password: "nope" } });
    expect(wrong.status).toBe(401);
  });

  it("describes the system, its processors, memory, NICs and storage", async () => {
    const bmc = byVendor(vendor);
    const root = await get("/redfish/v1/");
    const systems = await members(root.Systems["@odata.id"]);
    expect(systems).toHaveLength(1);
    const [system] = systems;
    expect(system["@odata.id"]).toBe(expected.system);
    expect(system).toMatchObject({
      Manufacturer: expected.manufacturer,
      Model: bmc.model,
      SerialNumber: bmc.serial,
      PowerState: "On",
      BiosVersion: bmc.firmware.bios,
      Status: { State: "Enabled", Health: "OK" },
    });
    expect(system.SKU).toEqual(expect.any(String));
    expect(system.HostName).toEqual(expect.any(String));
    const sockets = PROFILES[vendor].models.find((model) => model.name === bmc.model)!.cpu.count;
    expect(system.ProcessorSummary.Count).toBe(sockets);
    expect(system.MemorySummary.TotalSystemMemoryGiB).toBeGreaterThan(0);
    expect(system.Actions["#ComputerSystem.Reset"]["ResetType@Redfish.AllowableValues"]).toEqual(
      expect.arrayContaining(["On", "ForceOff", "GracefulShutdown", "GracefulRestart", "ForceRestart"]),
    );
    const processors = await members(system.Processors["@odata.id"]);
    expect(processors.map((cpu) => cpu.TotalCores)).toEqual(Array.from({ length: sockets }, () => expect.any(Number)));
    // iLO and XCC list every DIMM socket; only the populated ones count (iLO 4: HP's DIMMStatus and SizeMB).
    const dimms = await members(system.Memory["@odata.id"]);
    const populated = dimms.filter((dimm) => dimm.Status?.State !== "Absent" && dimm.DIMMStatus !== "NotPresent");
    const mib = populated.reduce((sum, dimm) => sum + (dimm.CapacityMiB ?? dimm.SizeMB), 0);
    expect(mib / 1024).toBe(system.MemorySummary.TotalSystemMemoryGiB);
    if (vendor === "hpe-ilo4") {
      // iLO 4 predates DMTF Storage and host EthernetInterfaces: SmartStorage and HP NetworkAdapters instead.
      expect(system.Storage).toBeUndefined();
      expect(system.EthernetInterfaces).toBeUndefined();
      const smartStorage = await get(system.Oem.Hp.Links.SmartStorage["@odata.id"]);
      const [controller] = await members(smartStorage.Links.ArrayControllers["@odata.id"]);
      expect(controller.Model).toMatch(expected.controller);
      expect(controller.FirmwareVersion.Current.VersionString).toBe(bmc.firmware.storage_controller);
      const [adapter] = await members(system.Oem.Hp.Links.NetworkAdapters["@odata.id"]);
      expect(adapter.PhysicalPorts.map((port: { MacAddress: string }) => port.MacAddress.toUpperCase())).toEqual(bmc.identity.macs);
      return;
    }
    const nics = await members(system.EthernetInterfaces["@odata.id"]);
    expect(nics.length).toBeGreaterThan(0);
    for (const nic of nics) expect(nic.MACAddress).toMatch(/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/);
    const [storage] = await members(system.Storage["@odata.id"]);
    expect(storage.StorageControllers[0].Name).toMatch(expected.controller);
    // OpenBMC reports the onboard SATA controller it cannot update, the others the RAID controller they flash.
    const controllerFirmware = bmc.firmware.storage_controller ?? bmc.firmware.lsi_3108 ?? PROFILES[vendor].hardware.storageController?.firmware;
    expect(storage.StorageControllers[0].FirmwareVersion).toBe(controllerFirmware);
    const [controller] = await members(storage.Controllers["@odata.id"]);
    expect(controller.Name).toMatch(expected.controller);
    const drives = await Promise.all(storage.Drives.map((drive: { "@odata.id": string }) => get(drive["@odata.id"])));
    expect(drives.every((drive) => drive.CapacityBytes > 0)).toBe(true);
    const [volume] = await members(storage.Volumes["@odata.id"]);
    expect(volume.RAIDType).toBe("RAID1");
  });

  it("reports the BMC firmware on the manager, and the chassis", async () => {
    const bmc = byVendor(vendor);
    const root = await get("/redfish/v1/");
    const [manager] = await members(root.Managers["@odata.id"]);
    expect(manager["@odata.id"]).toBe(expected.manager);
    expect(manager.FirmwareVersion).toBe(bmc.firmware.bmc);
    const [nic] = await members(manager.EthernetInterfaces["@odata.id"]);
    expect(nic.IPv4Addresses[0].Address).toBe(bmc.address);
    const [chassis] = await members(root.Chassis["@odata.id"]);
    expect(chassis).toMatchObject({ ChassisType: "RackMount", SerialNumber: bmc.serial, Manufacturer: expected.manufacturer });
  });

  it("lists the firmware inventory, each vendor where it keeps it", async () => {
    const bmc = byVendor(vendor);
    const root = await get("/redfish/v1/");
    const service = await get(root.UpdateService["@odata.id"]);
    if (vendor === "hpe-ilo4") {
      // iLO 4: HPE's own update resource, and the inventory per system keyed by device class.
      expect(service.Actions["#HpiLOFirmwareUpdate.InstallFromURI"].target).toMatch(/InstallFromURI\/$/);
      const system = await get(expected.system);
      const inventory = await get(system.Oem.Hp.links.FirmwareInventory.href);
      expect(inventory.Current.SystemRomActive[0]).toEqual(expect.objectContaining({ Name: "System ROM", VersionString: bmc.firmware.bios }));
      expect(inventory.Current.SystemBMC[0].VersionString).toMatch(new RegExp(`^${bmc.firmware.bmc?.replace("iLO 4 v", "")} [A-Z][a-z]{2} \\d\\d \\d{4}$`));
      expect(inventory.Current.ServicePack[0].Name).toBe("Service Pack for ProLiant");
      return;
    }
    if (vendor === "openbmc") {
      // bmcweb: push only, and an inventory of the BMC and host images alone.
      expect(service).toMatchObject({ MultipartHttpPushUri: expect.any(String), HttpPushUriOptions: { HttpPushUriApplyTime: { ApplyTime: "Immediate" } } });
      expect(service.Actions).toBeUndefined();
      const images = await members(service.FirmwareInventory["@odata.id"]);
      expect(images.map((image) => [image.Description, image.Version]).sort()).toEqual([["BMC image", bmc.firmware.bmc], ["Host image", bmc.firmware.bios]]);
      return;
    }
    expect(service.Actions["#UpdateService.SimpleUpdate"].target).toMatch(/UpdateService\.SimpleUpdate\/?$/);
    const inventory = await members(service.FirmwareInventory["@odata.id"]);
    for (const item of inventory) {
      expect(item).toMatchObject({ Id: expect.any(String), Name: expect.any(String), Version: expect.any(String) });
      expect(typeof item.Updateable).toBe("boolean");
    }
    const versionOf = (pattern: RegExp) => inventory.find((item) => pattern.test(item.Name))?.Version;
    expect(versionOf(expected.controller)).toBe(bmc.firmware.storage_controller ?? bmc.firmware.lsi_3108);
    expect(inventory.map((item) => item.Version)).toEqual(expect.arrayContaining([bmc.firmware.nic]));
    // The BMC's own entry carries its version number, spelled the inventory's way (iLO: `2.55 Oct 01 2021`).
    const number = (version: string | undefined) => /\d+\.\d+(\.\d+)*/.exec(version ?? "")?.[0] ?? "";
    expect(inventory.some((item) => item.Version.includes(number(bmc.firmware.bmc)))).toBe(true);
    expect(inventory.some((item) => item.Version.includes(number(bmc.firmware.bios)))).toBe(true);
    if (vendor === "hpe-ilo5") expect(versionOf(/^Service Pack for ProLiant$/)).toBe(bmc.firmware.service_pack);
  });

  it("rejects what real BMCs reject: unknown paths, wrong methods, query options they lack", async () => {
    const client = bmcClient(byVendor(vendor));
    const missing = await client.get("/redfish/v1/Systems/nope");
    expect(missing.status).toBe(404);
    const deleted = await client.delete(expected.system);
    expect(deleted.status).toBe(405);
    // iDRAC, iLO 5 and XCC expand collections; this X12 and iLO 4 answer 501, as for $select everywhere.
    const expanded = await client.get("/redfish/v1/Systems?$expand=.");
    if (["dell", "hpe-ilo5", "lenovo"].includes(vendor)) expect(expanded.body.Members[0]).toMatchObject({ "@odata.id": expected.system, Model: expect.any(String) });
    else expect(expanded.status).toBe(501);
    expect((await client.get("/redfish/v1/Systems?$select=Model")).status).toBe(501);
  });
});

describe("path quirks", () => {
  it("accepts trailing slashes everywhere, and iLO paths in any case", async () => {
    const dell = bmcClient(byVendor("dell"));
    expect((await dell.get("/redfish/v1/Systems/System.Embedded.1/")).status).toBe(200);
    expect((await dell.get("/redfish/v1/systems/system.embedded.1")).status).toBe(404);
    const ilo = bmcClient(byVendor("hpe-ilo5"));
    expect((await ilo.get("/redfish/v1/systems/1")).body["@odata.id"]).toBe("/redfish/v1/Systems/1");
  });

  it("gives every vendor its own resource ids, so hardcoded URIs break", async () => {
    const dell = bmcClient(byVendor("dell"));
    expect((await dell.get("/redfish/v1/Systems/1")).status).toBe(404);
    const lenovo = bmcClient(byVendor("lenovo"));
    expect((await lenovo.get("/redfish/v1/Systems/System.Embedded.1")).status).toBe(404);
  });
});
