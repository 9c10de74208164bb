import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleet, type BmcHandle, type Fleet } from "./index";
import { bmcClient } from "./testing/client";
import { flash } from "./testing/flash";
import { serveImages, type ImageServer } from "./testing/image-server";
import type { VendorKey } from "./types";

let fleet: Fleet;
let images: ImageServer;
const byVendor = (vendor: VendorKey) => fleet.bmcs.find((bmc) => bmc.vendor === vendor) as BmcHandle;

beforeAll(async () => {
  [fleet, images] = await Promise.all([
    startFleet({ count: 5, vendor: "mixed", base: "127.51.14.1", seed: 14, timings: { taskMs: 100, powerMs: 30, bmcRestartMs: 200 } }),
    serveImages("127.51.14.250"),
  ]);
});
afterAll(() => Promise.all([fleet.stop(), images.stop()]));

/** The firmware inventory's entries, expanded in one read where the BMC serves `$expand` (the X12 does not). */
async function inventory(bmc: BmcHandle): Promise<{ Id: string; Name: string; Version: string }[]> {
  const client = bmcClient(bmc);
  const expanded = await client.get(`${bmc.paths.inventory}?$expand=.`);
  if (expanded.status === 200) return expanded.body.Members;
  const { body } = await client.get(bmc.paths.inventory);
  return Promise.all(body.Members.map(async (member: { "@odata.id": string }) => (await client.get(member["@odata.id"])).body));
}
const versionOf = async (bmc: BmcHandle, name: string) => (await inventory(bmc)).find((entry) => entry.Name === name)?.Version;

// make-image --version takes the exact string the BMC reports where compliance reads it; the other
// places spell the same version their own way, as on real BMCs.
describe.concurrent("a flashed version, in each place it shows", () => {
  it("iLO 5: `iLO 5 v2.65` in the manager, `2.65 <build date>` in the inventory, `2.65` in the service root", async () => {
    const bmc = byVendor("hpe-ilo5");
    await flash(bmc, images, "bmc", "iLO 5 v2.65");
    expect((await bmcClient(bmc).get(bmc.paths.manager)).body.FirmwareVersion).toBe("iLO 5 v2.65");
    expect(await versionOf(bmc, "iLO 5")).toMatch(/^2\.65 [A-Z][a-z]{2} \d\d \d{4}$/);
    expect((await bmcClient(bmc).get("/redfish/v1/")).body.Oem.Hpe.Manager[0].ManagerFirmwareVersion).toBe("2.65");
  });

  it("iLO 5: the System ROM the same everywhere, the replaced one kept as the Redundant System ROM", async () => {
    const bmc = byVendor("hpe-ilo5");
    const before = bmc.firmware.bios;
    await flash(bmc, images, "bios", "U46 v1.68 (07/20/2022)");
    expect((await bmcClient(bmc).get(bmc.paths.system)).body.BiosVersion).toBe("U46 v1.68 (07/20/2022)");
    expect(await versionOf(bmc, "System ROM")).toBe("U46 v1.68 (07/20/2022)");
    expect(await versionOf(bmc, "Redundant System ROM")).toBe(before);
  });

  it("XCC: `<build>-<version>` in the manager, the build's tail and the version in the inventory", async () => {
    const bmc = byVendor("lenovo");
    const before = bmc.firmware.bmc as string;
    await flash(bmc, images, "bmc", "CDI3B0N-9.90");
    expect((await bmcClient(bmc).get(bmc.paths.manager)).body.FirmwareVersion).toBe("CDI3B0N-9.90");
    const entries = await inventory(bmc);
    expect(entries.find((entry) => entry.Id === "BMC-Primary")?.Version).toBe("B0N-9.90");
    expect(entries.find((entry) => entry.Id === "BMC-Backup")?.Version).toBe(before.slice(4));
  });

  it("iDRAC: the same spelling everywhere, in Installed-, Current- and Previous- ids", async () => {
    const bmc = byVendor("dell");
    const before = bmc.firmware.bios;
    await flash(bmc, images, "bios", "1.13.2");
    expect((await bmcClient(bmc).get(bmc.paths.system)).body.BiosVersion).toBe("1.13.2");
    const ids = (await inventory(bmc)).map((entry) => entry.Id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "Installed-159-1.13.2__BIOS.Setup.1-1",
        "Current-159-1.13.2__BIOS.Setup.1-1",
        `Previous-159-${before}__BIOS.Setup.1-1`,
      ]),
    );
  });

  it("X12: the same spelling in the manager and the inventory", async () => {
    const bmc = byVendor("supermicro");
    await flash(bmc, images, "bmc", "01.03.02");
    expect((await bmcClient(bmc).get(bmc.paths.manager)).body.FirmwareVersion).toBe("01.03.02");
    expect((await inventory(bmc)).find((entry) => entry.Id === "BMC")?.Version).toBe("01.03.02");
  });
});
