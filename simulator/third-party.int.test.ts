import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleet, type BmcHandle, type Fleet } from "./index";
import { odataId } from "./resources/paths";
import { ansibleRedfishInfo, iloLogin, ilorest, installed, redfishtool, sushy, type RedfishFacts } from "./testing/third-party-tools";
import { VENDOR_KEYS, type VendorKey } from "./types";
import { PROFILES } from "./vendors";

let fleet: Fleet;
/** HPE BMCs on port 443, for ilorest (below). */
let hpeFleet: Fleet;
const byVendor = (vendor: VendorKey) => fleet.bmcs.find((bmc) => bmc.vendor === vendor) as BmcHandle;
const hpe = (vendor: "hpe-ilo5" | "hpe-ilo4") => hpeFleet.bmcs.find((bmc) => bmc.vendor === vendor && !bmc.quirks.trailingSlash) as BmcHandle;
/** The two iLO 5s on older firmware, which writes trailing slashes. */
const iloWithSlashes = (n: 0 | 1) => hpeFleet.bmcs.filter((bmc) => bmc.quirks.trailingSlash)[n];
/** The number in a version, whatever the vendor wraps it in (`iLO 5 v2.55` -> `2.55`). */
const number = (version: string | undefined) => /\d+\.\d+(\.\d+)*/.exec(version?.replace(/^iLO \d /, "") ?? "")?.[0] ?? "";

beforeAll(async () => {
  // ilorest can only log out from a BMC on the default port 443, as real iLOs are. A fixed port can
  // collide with another run of this file on the same machine: the offset in the /24 varies by process.
  [fleet, hpeFleet] = await Promise.all([
    startFleet({ base: "127.51.8.1", seed: 8, bmcs: [{ count: 5, vendor: "mixed" }, { vendor: "openbmc" }] }),
    startFleet({
      base: `127.51.8.${16 + (process.pid % 200)}`,
      port: 443,
      seed: 8,
      bmcs: [
        { vendor: "hpe-ilo5" },
        { vendor: "hpe-ilo4" },
        { count: 2, vendor: "hpe-ilo5", quirks: { trailingSlash: true } },
      ],
    }),
  ]);
});
afterAll(() => Promise.all([fleet.stop(), hpeFleet.stop()]));

describe.skipIf(!installed.redfishtool)("redfishtool (Debian) against each vendor", { timeout: 120_000 }, () => {
  it.concurrent.each(VENDOR_KEYS)("%s: lists systems, gets the system and manager with a session", async (vendor) => {
    const bmc = byVendor(vendor);
    const systemId = odataId(bmc, bmc.paths.system);
    const list = await redfishtool(bmc, "Systems", "list");
    expect(list.json.Members).toEqual([expect.objectContaining({ "@odata.id": systemId })]);

    const system = await redfishtool(bmc, "-A", "Session", "-ssss", "Systems", "get");
    expect(system.json).toMatchObject({ "@odata.id": systemId, SerialNumber: bmc.serial, PowerState: "On", BiosVersion: bmc.firmware.bios });
    const sessionUri = system.trace.find((line) => line.startsWith("#____SESSION_URI:"))?.split(/\s+/)[1];
    expect(sessionUri).toMatch(/^(https:\/\/[\d.:]+)?\/redfish\/v1\/SessionService\/Sessions\/\w+\/?$/);
    expect(system.trace).toContainEqual(expect.stringMatching(/^#__Request AuthType: Session/));
    expect(system.trace.findLast((line) => line.startsWith("#REQUEST:"))).toMatch(/^#REQUEST: +DELETE .*\/SessionService\/Sessions\//);
    const manager = await redfishtool(bmc, "-A", "Session", "Managers", "get");
    expect(manager.json.FirmwareVersion).toBe(bmc.firmware.bmc);
    // redfishtool logs out when done: nothing may be left behind.
    expect(bmc.sessions).toEqual([]);
  });
});

describe.skipIf(!installed.sushy)("python3-sushy against each vendor", { timeout: 120_000 }, () => {
  it.concurrent.each(VENDOR_KEYS)("%s: root, systems, power state and firmware inventory", async (vendor) => {
    const bmc = byVendor(vendor);
    const out = await sushy(bmc);
    expect(out).toMatchObject({ uuid: expect.any(String), product: expect.any(String), power_state: "On", serial: bmc.serial });
    expect(out.systems).toEqual([odataId(bmc, bmc.paths.system).replace(/\/$/, "")]);
    expect(out.bios_version).toBe(bmc.firmware.bios);
    if (vendor === "hpe-ilo4") return;
    if (vendor === "openbmc") {
      // sushy (Ironic) requires the SimpleUpdate action that OpenBMC builds leave out: it cannot read the inventory there.
      expect(out.update_service_error).toContain("The attribute Actions is missing from the resource /redfish/v1/UpdateService");
      return;
    }
    const versions = Object.values(out.firmware as Record<string, [string, string]>).map(([, version]) => version);
    expect(versions).toContain(bmc.firmware.nic);
    expect(versions.some((version) => version.includes(number(bmc.firmware.bmc)))).toBe(true);
  });
});

describe.skipIf(!installed.ansible)("Ansible community.general.redfish_info against each vendor", { timeout: 120_000 }, () => {
  let facts: Map<string, RedfishFacts>;
  beforeAll(async () => {
    facts = await ansibleRedfishInfo(VENDOR_KEYS.map(byVendor));
  }, 240_000);
  type Entries = [unknown, Record<string, unknown>[]][];
  const listed = (fact: RedfishFacts[string]) => (fact.entries as Entries)[0][1];

  it.each(VENDOR_KEYS)("%s: system, CPU, memory, manager, power and thermal inventory", (vendor) => {
    const bmc = byVendor(vendor);
    const got = facts.get(bmc.address) as RedfishFacts;
    expect((got.system.entries as Entries)[0][1]).toMatchObject({ Model: bmc.model, SerialNumber: bmc.serial, BiosVersion: bmc.firmware.bios });
    const model = PROFILES[vendor].models.find((candidate) => candidate.name === bmc.model);
    expect(listed(got.cpu)).toHaveLength(model!.cpu.count);
    const populated = model?.dimms.count;
    // Ansible skips DIMMs whose Status is Absent, and those without a Status: iLO 4's HpMemory has none.
    expect(listed(got.memory)).toHaveLength(vendor === "hpe-ilo4" ? 0 : (populated as number));
    expect((got.manager.entries as Entries)[0][1]).toMatchObject({ FirmwareVersion: bmc.firmware.bmc });
    expect(listed(got.manager_nics)[0]).toMatchObject({ IPv4Addresses: [expect.objectContaining({ Address: bmc.address })] });
    expect(got.chassis_power.entries).toEqual([expect.objectContaining({ PowerConsumedWatts: expect.any(Number) })]);
    expect(got.psu.entries).toEqual(expect.arrayContaining([expect.objectContaining({ FirmwareVersion: expect.any(String) })]));
    expect((got.thermals.entries as unknown[]).length).toBeGreaterThanOrEqual(3);
    expect((got.fan.entries as unknown[]).length).toBeGreaterThan(0);
  });

  it.each(VENDOR_KEYS)("%s: NIC, storage and firmware inventory where the BMC has them", (vendor) => {
    const bmc = byVendor(vendor);
    const got = facts.get(bmc.address) as RedfishFacts;
    if (vendor === "hpe-ilo4") {
      // A real iLO 4 has no DMTF EthernetInterfaces (without AMS), Storage or FirmwareInventory.
      expect([got.nic.ret, got.storage_controller.ret, got.firmware.ret]).toEqual([false, false, false]);
      return;
    }
    expect(listed(got.nic).map((nic) => nic.MACAddress)).toEqual(bmc.identity.macs);
    const controllerFirmware = bmc.firmware.storage_controller ?? bmc.firmware.lsi_3108 ?? PROFILES[vendor].hardware.storageController?.firmware;
    expect(listed(got.storage_controller)[0]).toMatchObject({ FirmwareVersion: controllerFirmware });
    expect((listed(got.disk)[0].Drives as unknown[]).length).toBeGreaterThan(0);
    const firmware = got.firmware.entries as { Version: string }[];
    // OpenBMC lists only the BMC and host images; the others their NIC too.
    expect(firmware.map((entry) => entry.Version)).toEqual(expect.arrayContaining([bmc.firmware.nic ?? bmc.firmware.bios]));
    expect(firmware.some((entry) => entry.Version.includes(number(bmc.firmware.bmc)))).toBe(true);
    expect(got.software.ret).toBe(true);
  });
});

describe.skipIf(!installed.ilorest)("HPE ilorest against both HPE profiles", { timeout: 120_000 }, () => {
  const common = (bmc: BmcHandle) => [iloLogin(bmc), "list --selector ComputerSystem.", "get --selector ComputerSystem. Model BiosVersion", "serverinfo --firmware"];
  const expectSystemInfo = (out: string, bmc: BmcHandle) => {
    expect(out).toContain(`Model: ${bmc.vendor === "hpe-ilo4" ? "HP" : "HPE"} ${bmc.model}`);
    expect(out).toContain(`Bios Version: ${bmc.firmware.bios}`);
    expect(out).toContain(`Serial Number: ${bmc.serial}`);
  };
  /** Sessions other clients left (sushy does not log out) are not ilorest's. */
  const sessionIds = (bmc: BmcHandle) => bmc.sessions.map((session) => session.id);
  const expectCommon = (out: string, bmc: BmcHandle, before: string[]) => {
    expect(out).not.toMatch(/ERROR/);
    expect(out).toContain(`@odata.id=${odataId(bmc, bmc.paths.system)}\n`);
    expect(out).toContain(`Model=${bmc.model}`);
    expect(out).toContain(`BiosVersion=${bmc.firmware.bios}`);
    expect(out).toMatch(new RegExp(`^iLO( 5)? : ${number(bmc.firmware.bmc)} [A-Z][a-z]{2} \\d\\d \\d{4}$`, "m"));
    expect(out).toContain(`System ROM : ${bmc.firmware.bios}`);
    expect(out).toContain("Logging session out.");
    expect(sessionIds(bmc)).toEqual(before);
  };

  it.concurrent("iLO 5: login, list, get and serverinfo --firmware", async () => {
    const bmc = hpe("hpe-ilo5");
    const before = sessionIds(bmc);
    expectCommon(await ilorest([...common(bmc), "logout"]), bmc, before);
  });

  it.concurrent("iLO 5 with trailing slashes (older firmware): serverinfo --system as well", async () => {
    // ilorest compares Systems members with its own "/redfish/v1/Systems/1/": without the slash of
    // older iLO 5 firmware, its serverinfo --system finds no system.
    const bmc = iloWithSlashes(0);
    const before = sessionIds(bmc);
    const out = await ilorest([...common(bmc), "serverinfo --system", "logout"]);
    expectCommon(out, bmc, before);
    expectSystemInfo(out, bmc);
  });

  it.concurrent("iLO 4 through its Redfish tree (--redfish): login, list, get, serverinfo --firmware and --system", async () => {
    const bmc = hpe("hpe-ilo4");
    const before = sessionIds(bmc);
    const out = await ilorest([...common(bmc), "serverinfo --system", "logout"], { redfish: true });
    expectCommon(out, bmc, before);
    expectSystemInfo(out, bmc);
  });

  it.concurrent("twenty login and logout cycles leave no session behind", async () => {
    const bmc = iloWithSlashes(1);
    const before = sessionIds(bmc);
    const cycles = Array.from({ length: 20 }, () => [iloLogin(bmc), "logout"]).flat();
    const out = await ilorest(cycles);
    expect(out.match(/Discovering data\.+Done/g)).toHaveLength(20);
    expect(out).not.toMatch(/ERROR/);
    expect(sessionIds(bmc)).toEqual(before);
  });
});
