import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeImage, startFleet, type BmcHandle, type Fleet } from "./index";
import { bmcClient, pathOf, request, waitFor } from "./testing/client";
import { serveImages, type ImageServer } from "./testing/image-server";
import { pollUntil } from "./testing/monitor";

let fleet: Fleet;
let images: ImageServer;
let ilo: BmcHandle;
const UPDATE_SERVICE = "/rest/v1/Managers/1/UpdateService";

beforeAll(async () => {
  [fleet, images] = await Promise.all([
    startFleet({ vendor: "hpe-ilo4", base: "127.51.5.1", seed: 4, timings: { taskMs: 1000, powerMs: 50, bmcRestartMs: 300 } }),
    serveImages("127.51.5.250"),
  ]);
  [ilo] = fleet.bmcs;
});
afterAll(() => Promise.all([fleet.stop(), images.stop()]));

function publish(name: string, type: "bios" | "bmc", version: string, models = [ilo.model]): string {
  images.add(name, makeImage({ vendor: "hpe", type, version, models, name }));
  return images.url(name);
}

describe("iLO 4 legacy /rest/v1 tree", () => {
  it("serves the root with HATEOAS links and the pre-Redfish Type", async () => {
    const { status, body } = await request(`${ilo.url}/rest/v1`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      Type: "ServiceRoot.1.0.0",
      links: {
        self: { href: "/rest/v1" },
        Systems: { href: "/rest/v1/Systems" },
        Sessions: { href: "/rest/v1/Sessions" },
        Schemas: { href: "/rest/v1/Schemas" },
        Registries: { href: "/rest/v1/Registries" },
        AccountService: { href: "/rest/v1/AccountService" },
        EventService: { href: "/rest/v1/EventService" },
        SessionService: { href: "/rest/v1/SessionService" },
      },
      "@odata.type": "#ServiceRoot.1.0.0.ServiceRoot",
    });
  });

  it("returns collections with Items, links.Member and Total", async () => {
    const { body } = await bmcClient(ilo).get("/rest/v1/Systems");
    expect(body).toMatchObject({
      Type: "Collection.1.0.0",
      MemberType: "ComputerSystem.1",
      Total: 1,
      links: { self: { href: "/rest/v1/Systems" }, Member: [{ href: "/rest/v1/Systems/1" }] },
    });
    expect(body.Items[0]).toMatchObject({ Type: "ComputerSystem.0.9.5", SerialNumber: ilo.serial, links: { self: { href: "/rest/v1/Systems/1" } } });
  });

  it("mirrors the tree at /redfish/v1 and drops the legacy properties when the client speaks OData", async () => {
    const plain = await bmcClient(ilo).get("/redfish/v1/Systems/1/");
    expect(plain.body.Type).toBe("ComputerSystem.0.9.5");
    const odata = await bmcClient(ilo).get("/redfish/v1/Systems/1/", { headers: { "OData-Version": "4.0" } });
    expect(odata.body.Type).toBeUndefined();
    expect(odata.body.links).toBeUndefined();
    expect(odata.body.SerialNumber).toBe(ilo.serial);
  });

  it("answers errors with Messages[].MessageID as well as the Redfish error", async () => {
    const { status, body } = await request(`${ilo.url}/rest/v1/Systems`);
    expect(status).toBe(401);
    expect(body).toMatchObject({
      Type: "ExtendedError.1.0.0",
      Messages: [{ MessageID: "Base.0.10.NoValidSession" }],
      error: { code: "iLO.0.10.GeneralError", "@Message.ExtendedInfo": [{ MessageId: "Base.0.10.NoValidSession" }] },
    });
  });

  it("logs in at /rest/v1/Sessions and out by deleting the Location", async () => {
    const login = await request(`${ilo.url}/rest/v1/Sessions`, { method: "POST", body: { UserName: ilo.username, Password: ilo.password } });
    expect(login.status).toBe(201);
    const location = String(login.headers.location);
    // Absolute, as iLO writes it: ilorest logs out through it.
    expect(location).toBe(`${new URL(ilo.url).origin}/rest/v1/Sessions/${login.body.Id}`);
    const token = String(login.headers["x-auth-token"]);
    expect((await bmcClient(ilo).get("/rest/v1/Systems/1", { token })).status).toBe(200);
    const logout = await bmcClient(ilo).delete(pathOf(location), { token });
    expect(logout.status).toBe(200);
    expect(logout.body.Messages).toEqual([{ MessageID: "Base.0.10.Success" }]);
    expect((await bmcClient(ilo).get("/rest/v1/Systems/1", { token })).status).toBe(401);
  });
});

describe("iLO 4 firmware update through InstallFromURI", () => {
  it("has no SimpleUpdate", async () => {
    const response = await bmcClient(ilo).post("/redfish/v1/UpdateService/Actions/UpdateService.SimpleUpdate", { ImageURI: publish("x.bin", "bmc", "9") });
    expect(response.status).toBe(404);
  });

  it("flashes iLO from the legacy POST, reboots it, and reports the new version", async () => {
    const uri = publish("ilo4_281.bin", "bmc", "iLO 4 v2.81");
    const started = await bmcClient(ilo).post(UPDATE_SERVICE, { Action: "InstallFromURI", FirmwareURI: uri });
    expect(started.status).toBe(200);
    const busy = await bmcClient(ilo).post(UPDATE_SERVICE, { Action: "InstallFromURI", FirmwareURI: uri });
    expect(busy.status).toBe(409);
    const polled = await pollUntil(ilo, UPDATE_SERVICE, ["Complete", "Error"]);
    expect(polled.states).toEqual(expect.arrayContaining(["Progressing", "Complete"]));
    expect(polled.unavailable).toBeGreaterThan(0);
    expect(polled.last.body.ProgressPercent).toBe(100);
    expect((await bmcClient(ilo).get("/rest/v1/Managers/1")).body.FirmwareVersion).toBe("iLO 4 v2.81");
    const inventory = await bmcClient(ilo).get("/rest/v1/Systems/1/FirmwareInventory");
    // The inventory spells it with the build date, as iLO does.
    expect(inventory.body.Current.SystemBMC).toEqual([expect.objectContaining({ Name: "iLO", VersionString: expect.stringMatching(/^2\.81 [A-Z][a-z]{2} \d\d \d{4}$/) })]);
  });

  it("stages a System ROM from the Redfish action until the server restarts", async () => {
    const before = ilo.firmware.bios;
    const action = "/redfish/v1/Managers/1/UpdateService/Actions/HpiLOFirmwareUpdate.InstallFromURI/";
    expect((await bmcClient(ilo).post(action, { FirmwareURI: publish("rom.bin", "bios", "P89 v2.80 (07/15/2021)") })).status).toBe(200);
    await pollUntil(ilo, UPDATE_SERVICE, ["Complete", "Error"]);
    const rom = async () => (await bmcClient(ilo).get("/rest/v1/Systems/1/FirmwareInventory")).body.Current.SystemRomActive[0].VersionString;
    expect(await rom()).toBe(before);
    await bmcClient(ilo).post("/rest/v1/Systems/1/Actions/ComputerSystem.Reset", { ResetType: "ForceRestart" });
    await waitFor(async () => (ilo.powerState === "On" && ilo.firmware.bios === "P89 v2.80 (07/15/2021)" ? true : undefined));
    expect(await rom()).toBe("P89 v2.80 (07/15/2021)");
  });

  it("reports a refused image through State Error", async () => {
    const uri = publish("gen10.bin", "bios", "3.00", ["ProLiant DL380 Gen10 Plus"]);
    expect((await bmcClient(ilo).post(UPDATE_SERVICE, { Action: "Install", FirmwareURI: uri })).status).toBe(400);
    await bmcClient(ilo).post(UPDATE_SERVICE, { Action: "InstallFromURI", FirmwareURI: uri });
    const polled = await pollUntil(ilo, UPDATE_SERVICE, ["Complete", "Error"]);
    expect(polled.last.body.State).toBe("Error");
    expect(polled.last.body.Messages[0].Message).toContain("supports ProLiant DL380 Gen10 Plus");
  });
});
