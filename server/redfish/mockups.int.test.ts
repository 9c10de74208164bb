import { afterEach, describe, expect, it } from "vitest";
import { withBmc } from "./client";
import { readInventory } from "./inventory";
import { clientOptionsForMockup } from "./testing/mockup-client";
import { startMockupServer, type MockupServer } from "./testing/mockup-server";

const SYSTEM = "/redfish/v1/Systems/437XR1138R2";
const running: MockupServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

async function serve(mockup: string | null, host = "127.53.5.1", extra: { rootRequiresAuth?: boolean } = {}) {
  const server = await startMockupServer({ mockup, host, ...extra });
  running.push(server);
  return server;
}

describe("readInventory against the DMTF public-rackmount1 mockup", () => {
  it("reads the system, skips absent DIMMs and drive bays and non-CPU processors, and keeps versions as spelled", async () => {
    const server = await serve("public-rackmount1");
    const inventory = await withBmc(clientOptionsForMockup(server), readInventory);
    expect(server.sessions.size).toBe(0);
    expect(inventory).toMatchObject({ protocol: "redfish", redfishVersion: "1.15.0", serviceUuid: "92384634-2938-2342-8820-489239905423" });
    expect(inventory.systems).toHaveLength(1);
    const [system] = inventory.systems;
    expect(system).toMatchObject({
      odataId: SYSTEM,
      uuid: "38947555-7742-3448-3784-823347823834",
      serialNumber: "437XR1138R2",
      manufacturer: "Contoso",
      model: "3500",
      sku: "8675309",
      hostName: "web483",
      powerState: "On",
      biosVersion: "P79 v1.45 (12/06/2017)",
      manager: { odataId: "/redfish/v1/Managers/BMC", firmwareVersion: "1.45.455b66-rev4" },
      memory: { dimmCount: 3, totalGiB: 96 },
    });
    // CPU 2 is an Absent socket and FPGA1 is not a CPU.
    expect(system.processors!.map((cpu) => [cpu.socket, cpu.model, cpu.cores, cpu.threads, cpu.speedMhz])).toEqual([
      ["CPU 1", "Multi-Core Intel(R) Xeon(R) processor 7xxx Series", 8, 16, 3700],
    ]);
    expect(system.ethernetInterfaces!.find((nic) => nic.id === "12446A3B0411")).toMatchObject({
      macAddress: "12:44:6A:3B:04:11",
      speedMbps: 1000,
      linkStatus: "LinkUp",
      ipv4Addresses: ["192.168.0.10"],
      ipv6Addresses: ["fe80::1ec1:deff:fe6f:1e24"],
    });
    expect(system.storage).toHaveLength(1);
    expect(system.storage![0]).toMatchObject({ source: "simple_storage", volumes: [] });
    expect(system.storage![0].drives.map((drive) => [drive.model, drive.capacityBytes])).toEqual([
      ["3000GT8", 8000000000000],
      ["3000GT7", 4000000000000],
    ]);
  });

  it("lists every firmware member though Members@odata.count says fewer, classified and placed via RelatedItem", async () => {
    const server = await serve("public-rackmount1");
    const inventory = await withBmc(clientOptionsForMockup(server), readInventory);
    expect(inventory.firmware!.map((entry) => [entry.id, entry.component, entry.version, entry.updateable, entry.state])).toEqual([
      ["BMC", "bmc", "1.45.455b66-rev4", true, "Enabled"],
      ["SS", "storage_controller", "2.50", true, "Enabled"],
      ["BIOS", "bios", "P79 v1.45", true, "Enabled"],
    ]);
    expect(inventory.systems[0].firmware!.map((entry) => entry.id)).toEqual(["BMC", "SS", "BIOS"]);
    expect(inventory.firmware!.find((entry) => entry.id === "BMC")).toMatchObject({ softwareId: "1624A9DF-5E13-47FC-874A-DF3AFF143089", systems: [SYSTEM] });
  });

  it("uses $expand where ProtocolFeaturesSupported allows it, and reads plainly when the service refuses it", async () => {
    const server = await serve("public-rackmount1");
    await withBmc(clientOptionsForMockup(server), readInventory);
    expect(server.requests.some((request) => request.query.get("$expand") === ".($levels=1)")).toBe(true);

    const refusing = await serve("public-rackmount1", "127.53.5.2");
    refusing.override((request) => (request.query.has("$expand") ? { status: 501, body: { error: { code: "QueryNotSupported" } } } : undefined));
    const inventory = await withBmc(clientOptionsForMockup(refusing), readInventory);
    expect(inventory.systems[0].memory.dimmCount).toBe(3);
    expect(refusing.requests.some((request) => request.path === `${SYSTEM}/Memory` && !request.query.has("$expand"))).toBe(true);
  });

  it("records missing branches as absent", async () => {
    const server = await serve("public-rackmount1");
    server.replace("/redfish/v1", (root: Record<string, unknown>) => ({ ...root, UpdateService: undefined }));
    server.replace(SYSTEM, (system: Record<string, unknown>) => ({
      ...system,
      EthernetInterfaces: undefined,
      SimpleStorage: undefined,
      Memory: { "@odata.id": `${SYSTEM}/NoSuchMemory` },
    }));
    const inventory = await withBmc(clientOptionsForMockup(server), readInventory);
    expect(inventory.firmware).toBeNull();
    expect(inventory.systems[0]).toMatchObject({ firmware: null, ethernetInterfaces: null, storage: null, memory: { dimmCount: null, totalGiB: 96 } });
  });

  it("follows lower-case links and Members@odata.nextLink pages", async () => {
    const server = await serve("public-rackmount1");
    server.replace("/redfish/v1", (root: Record<string, unknown>) => {
      const { Systems, Links, ...rest } = root;
      return { ...rest, systems: Systems, links: { sessions: (Links as { Sessions: unknown }).Sessions } };
    });
    server.replace("/redfish/v1/Systems", (systems: { Members: unknown[] }) => ({ members: systems.Members, "Members@odata.count": 7 }));
    server.override((request, tree) => {
      if (request.path !== `${SYSTEM}/Memory` || !request.authorized || request.query.has("$expand")) return undefined;
      const members = (tree(request.path) as { Members: unknown[] }).Members;
      const page = request.query.get("page") === "2";
      const body = page
        ? { Members: members.slice(2), "Members@odata.count": members.length }
        : { Members: members.slice(0, 2), "Members@odata.count": members.length, "Members@odata.nextLink": `${SYSTEM}/Memory?page=2` };
      return { status: 200, body };
    });
    server.replace("/redfish/v1", (root: Record<string, unknown>) => ({ ...root, ProtocolFeaturesSupported: undefined }));
    const inventory = await withBmc(clientOptionsForMockup(server), readInventory);
    expect(inventory.systems.map((system) => system.serialNumber)).toEqual(["437XR1138R2"]);
    expect(inventory.systems[0].memory.dimmCount).toBe(3);
    expect(server.requests.some((request) => request.query.get("page") === "2")).toBe(true);
    expect(server.sessions.size).toBe(0);
  });
});

describe("readInventory against the DMTF public-bladed mockup", () => {
  it("yields each system of a chassis manager with its own blade manager, and no firmware inventory", async () => {
    const server = await serve("public-bladed", "127.53.5.3");
    const inventory = await withBmc(clientOptionsForMockup(server), readInventory);
    expect(server.sessions.size).toBe(0);
    expect(inventory.systems.map((system) => [system.serialNumber, system.manager?.odataId, system.manager?.firmwareVersion])).toEqual([
      ["529QB9450R6", "/redfish/v1/Managers/Blade1BMC", "1.00"],
      ["529QB9451R6", "/redfish/v1/Managers/Blade2BMC", "1.00"],
      ["529QB9452R6", "/redfish/v1/Managers/Blade3BMC", "1.00"],
      ["529QB9453R6", "/redfish/v1/Managers/Blade4BMC", "1.00"],
    ]);
    expect(inventory.managers.map((manager) => manager.id)).toContain("MultiBladeBMC");
    expect(inventory.firmware).toBeNull();
    expect(inventory.systems[0]).toMatchObject({
      biosVersion: "P86 v1.58 (10/15/2015)",
      firmware: null,
      ethernetInterfaces: null,
      memory: { dimmCount: null, totalGiB: 64 },
    });
    expect(inventory.systems[0].processors).toHaveLength(1);
  });

  it("places firmware on the systems its RelatedItem names, directly or through their manager, else on all", async () => {
    const server = await serve("public-bladed", "127.53.5.3");
    const entry = (id: string, related?: string) => ({
      "@odata.id": `/redfish/v1/UpdateService/FirmwareInventory/${id}`,
      Id: id,
      Name: id,
      Version: "1.0",
      ...(related ? { RelatedItem: [{ "@odata.id": related }] } : {}),
    });
    const entries = [
      entry("Blade2BIOS", "/redfish/v1/Systems/529QB9451R6/Bios"),
      entry("Blade3BMC", "/redfish/v1/Managers/Blade3BMC"),
      entry("EnclosureFans"),
    ];
    server.replace("/redfish/v1", (root: Record<string, unknown>) => ({ ...root, UpdateService: { "@odata.id": "/redfish/v1/UpdateService" } }));
    server.replace("/redfish/v1/UpdateService", { "@odata.id": "/redfish/v1/UpdateService", FirmwareInventory: { "@odata.id": "/redfish/v1/UpdateService/FirmwareInventory" } });
    server.replace("/redfish/v1/UpdateService/FirmwareInventory", { Members: entries.map((e) => ({ "@odata.id": e["@odata.id"] })) });
    for (const e of entries) server.replace(e["@odata.id"], e);
    const inventory = await withBmc(clientOptionsForMockup(server), readInventory);
    const placed = Object.fromEntries(inventory.firmware!.map((e) => [e.id, [e.component, e.updateable, e.systems.map((s) => s.slice(-6))]]));
    expect(placed).toEqual({
      Blade2BIOS: ["bios", null, ["9451R6"]],
      Blade3BMC: ["bmc", null, ["9452R6"]],
      EnclosureFans: ["other", null, ["9450R6", "9451R6", "9452R6", "9453R6"]],
    });
    expect(inventory.systems[1].firmware!.map((e) => e.id)).toEqual(["Blade2BIOS", "EnclosureFans"]);
  });
});
