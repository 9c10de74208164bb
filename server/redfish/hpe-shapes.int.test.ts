import { afterEach, describe, expect, it } from "vitest";
import { withBmc } from "./client";
import { readInventory } from "./inventory";
import { clientOptionsForMockup } from "./testing/mockup-client";
import { startMockupServer, type MockupServer } from "./testing/mockup-server";

const running: MockupServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

/** A pre-2.30 iLO 4: only /rest/v1, `links.*.href`, `links.Member`, NextPage paging, `Current` firmware. */
const LEGACY: Record<string, unknown> = {
  "/rest/v1": {
    Type: "ServiceRoot.0.9.5",
    Name: "HP RESTful Root Service",
    links: { self: { href: "/rest/v1" }, Systems: { href: "/rest/v1/Systems" }, Managers: { href: "/rest/v1/Managers" }, Sessions: { href: "/rest/v1/Sessions" } },
    Oem: { Hp: { Manager: [{ ManagerType: "iLO 4", ManagerFirmwareVersion: "2.20" }] } },
  },
  "/rest/v1/Systems": { Type: "Collection.0.9.5", links: { self: { href: "/rest/v1/Systems" }, Member: [{ href: "/rest/v1/Systems/1" }], NextPage: { page: 1 } } },
  "/rest/v1/Systems?page=1": { Type: "Collection.0.9.5", links: { self: { href: "/rest/v1/Systems" }, Member: [{ href: "/rest/v1/Systems/2" }] } },
  "/rest/v1/Managers": { Type: "Collection.0.9.5", Items: [{ Type: "Manager.0.10.0", Firmware: { Current: { VersionString: "iLO 4 v2.20" } }, links: { self: { href: "/rest/v1/Managers/1" } } }] },
  "/rest/v1/Systems/1/FirmwareInventory": {
    Type: "FwSwVersionInventory.0.9.5",
    Current: {
      SystemRomActive: [{ Name: "System ROM", VersionString: "P89 v2.00 (12/27/2015)" }],
      SystemRomBackup: [{ Name: "Redundant System ROM", VersionString: "P89 v1.50 (07/20/2015)" }],
      SystemBMC: [{ Name: "iLO", VersionString: "2.20 May 20 2015" }],
      NIC: [{ Name: "HP Ethernet 1Gb 4-port 331i Adapter", VersionString: "17.4.41" }],
    },
  },
};
for (const n of [1, 2]) {
  LEGACY[`/rest/v1/Systems/${n}`] = {
    Type: "ComputerSystem.0.9.5",
    SerialNumber: `CZJ000000${n}`,
    Manufacturer: "HP",
    Model: "ProLiant BL460c Gen9",
    Power: "On",
    Bios: { Current: { VersionString: "I36 v2.00 (12/27/2015)" } },
    Memory: { TotalSystemMemoryGB: 64 },
    links: { self: { href: `/rest/v1/Systems/${n}` }, ManagedBy: [{ href: "/rest/v1/Managers/1" }] },
    Oem: { Hp: { links: n === 1 ? { FirmwareInventory: { href: "/rest/v1/Systems/1/FirmwareInventory" } } : {} } },
  };
}

describe("HPE shapes", () => {
  it("reads a legacy-only iLO 4 through /rest/v1 with NextPage paging and its per-system firmware inventory", async () => {
    const server = await startMockupServer({ mockup: null, host: "127.53.7.1" });
    running.push(server);
    server.override((request) => {
      if (request.method === "POST" && request.path === "/rest/v1/Sessions") {
        const token = `ilo4-${server.sessions.size}`;
        server.sessions.set(token, `/rest/v1/Sessions/${token}`);
        return { status: 201, headers: { "X-Auth-Token": token, Location: `/rest/v1/Sessions/${token}` } };
      }
      const body = LEGACY[`${request.path}${request.query.size ? `?${request.query}` : ""}`];
      if (request.method !== "GET" || body === undefined) return undefined;
      return request.authorized || request.path === "/rest/v1" ? { status: 200, body } : { status: 401 };
    });
    const inventory = await withBmc(clientOptionsForMockup(server), readInventory);
    expect(server.sessions.size).toBe(0);
    expect(inventory).toMatchObject({ protocol: "rest", vendor: "HPE", product: "iLO 4" });
    expect(inventory.systems.map((system) => [system.odataId, system.serialNumber, system.powerState, system.biosVersion, system.manager?.firmwareVersion, system.memory.totalGiB])).toEqual([
      ["/rest/v1/Systems/1", "CZJ0000001", "On", "I36 v2.00 (12/27/2015)", "iLO 4 v2.20", 64],
      ["/rest/v1/Systems/2", "CZJ0000002", "On", "I36 v2.00 (12/27/2015)", "iLO 4 v2.20", 64],
    ]);
    expect(inventory.systems[0].firmware!.map((entry) => [entry.id, entry.component, entry.version])).toEqual([
      ["SystemRomActive.0", "bios", "P89 v2.00 (12/27/2015)"],
      ["SystemRomBackup.0", "other", "P89 v1.50 (07/20/2015)"],
      ["SystemBMC.0", "bmc", "2.20 May 20 2015"],
      ["NIC.0", "nic", "17.4.41"],
    ]);
    expect(inventory.systems[1].firmware).toEqual([]);
  });

  it("reads Smart Array storage from Oem.Hpe.Links.SmartStorage when DMTF Storage is empty, as iLO 5 2.46 serves it", async () => {
    const server = await startMockupServer({ mockup: "public-rackmount1", host: "127.53.7.2" });
    running.push(server);
    const system = "/redfish/v1/Systems/437XR1138R2";
    const smart = `${system}/SmartStorage`;
    const controller = `${smart}/ArrayControllers/0`;
    const members = (...ids: string[]) => ({ Members: ids.map((id) => ({ "@odata.id": id })) });
    server.replace("/redfish/v1", (root: Record<string, unknown>) => ({ ...root, Vendor: "HPE" }));
    server.replace(system, (body: Record<string, unknown>) => ({
      ...body,
      Manufacturer: "HPE",
      Storage: { "@odata.id": `${system}/Storage` },
      Oem: { Hpe: { Links: { SmartStorage: { "@odata.id": smart } } } },
    }));
    server.replace(`${system}/Storage`, members());
    server.replace(smart, { "@odata.id": smart, Links: { ArrayControllers: { "@odata.id": `${smart}/ArrayControllers` } } });
    server.replace(`${smart}/ArrayControllers`, members(controller));
    server.replace(controller, {
      "@odata.id": controller,
      Id: "0",
      Model: "HPE Smart Array P408i-a SR Gen10",
      SerialNumber: "PEYHB0ARH8X0QK",
      FirmwareVersion: { Current: { VersionString: "2.65" } },
      Links: { PhysicalDrives: { "@odata.id": `${controller}/DiskDrives` }, LogicalDrives: { "@odata.id": `${controller}/LogicalDrives` } },
    });
    server.replace(`${controller}/DiskDrives`, members(`${controller}/DiskDrives/0`));
    server.replace(`${controller}/DiskDrives/0`, {
      "@odata.id": `${controller}/DiskDrives/0`,
      Id: "0",
      Model: "MM1000GEFQV",
      SerialNumber: "W470ABCD",
      CapacityMiB: 953869,
      MediaType: "HDD",
      InterfaceType: "SATA",
      FirmwareVersion: { Current: { VersionString: "HPG8" } },
      Status: { State: "Enabled", Health: "OK" },
    });
    server.replace(`${controller}/LogicalDrives`, members(`${controller}/LogicalDrives/1`));
    server.replace(`${controller}/LogicalDrives/1`, { "@odata.id": `${controller}/LogicalDrives/1`, Id: "1", LogicalDriveName: "Boot", Raid: "1", CapacityMiB: 953837 });
    const inventory = await withBmc(clientOptionsForMockup(server), readInventory);
    expect(inventory.systems[0].storage).toEqual([
      {
        odataId: controller,
        id: "0",
        name: "HPE Smart Array P408i-a SR Gen10",
        source: "hpe_smart_storage",
        controllers: [{ odataId: controller, name: "HPE Smart Array P408i-a SR Gen10", manufacturer: "HPE", model: "HPE Smart Array P408i-a SR Gen10", firmwareVersion: "2.65", serialNumber: "PEYHB0ARH8X0QK" }],
        drives: [
          {
            odataId: `${controller}/DiskDrives/0`,
            id: "0",
            name: null,
            manufacturer: null,
            model: "MM1000GEFQV",
            serialNumber: "W470ABCD",
            capacityBytes: 953869 * 1024 * 1024,
            mediaType: "HDD",
            protocol: "SATA",
            firmwareVersion: "HPG8",
            state: "Enabled",
            health: "OK",
          },
        ],
        volumes: [{ odataId: `${controller}/LogicalDrives/1`, id: "1", name: "Boot", raidType: "RAID1", capacityBytes: 953837 * 1024 * 1024, state: null, health: null }],
      },
    ]);
  });

  it("classifies iLO 5 firmware entries by their device class, keeping entries without Updateable", async () => {
    const server = await startMockupServer({ mockup: "public-rackmount1", host: "127.53.7.3" });
    running.push(server);
    const inventory = "/redfish/v1/UpdateService/FirmwareInventory";
    const entries = [
      { Id: "1", Name: "iLO 5", Version: "2.46 Jun 08 2021", Description: "SystemBMC", Updateable: true },
      { Id: "2", Name: "System ROM", Version: "U46 v1.56 (11/29/2021)", Description: "SystemRomActive", Updateable: true },
      { Id: "3", Name: "Redundant System ROM", Version: "U46 v1.46 (06/11/2021)", Description: "SystemRomBackup", Updateable: false },
      { Id: "4", Name: "HPE Smart Array P408i-a SR Gen10", Version: "2.65", Description: "HPE Smart Array P408i-a SR Gen10" },
      { Id: "5", Name: "Intelligent Platform Abstraction Data", Version: "10.2.0 Build 26", Description: "IntelligentPlatformAbstractionData" },
    ];
    server.replace("/redfish/v1", (root: Record<string, unknown>) => ({ ...root, Vendor: "HPE" }));
    server.replace(inventory, { Members: entries.map((entry) => ({ "@odata.id": `${inventory}/${entry.Id}/` })) });
    for (const entry of entries) server.replace(`${inventory}/${entry.Id}`, { "@odata.id": `${inventory}/${entry.Id}/`, ...entry });
    const result = await withBmc(clientOptionsForMockup(server), readInventory);
    expect(result.firmware!.map((entry) => [entry.id, entry.component, entry.version, entry.updateable])).toEqual([
      ["1", "bmc", "2.46 Jun 08 2021", true],
      ["2", "bios", "U46 v1.56 (11/29/2021)", true],
      ["3", "other", "U46 v1.46 (06/11/2021)", false],
      ["4", "storage_controller", "2.65", null],
      ["5", "other", "10.2.0 Build 26", null],
    ]);
  });
});
