import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleet, type BmcHandle, type Fleet } from "./index";
import { odataId } from "./resources/paths";
import { VENDOR_KEYS, type VendorKey } from "./types";

const run = promisify(execFile);
const REDFISHTOOL = "/usr/bin/redfishtool";
const PYTHON = "/usr/bin/python3";
const haveRedfishtool = existsSync(REDFISHTOOL);
const haveSushy = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import sushy"]).status === 0;
if (!haveRedfishtool) console.warn(`\n!!! ${REDFISHTOOL} is missing: SKIPPING the redfishtool checks (apt-get install -y redfishtool)\n`);
if (!haveSushy) console.warn(`\n!!! python3-sushy is missing: SKIPPING the sushy checks (apt-get install -y python3-sushy)\n`);

/** requests ignores verify=False when these are set. */
const pythonEnv = () => {
  const env = { ...process.env };
  delete env.REQUESTS_CA_BUNDLE;
  delete env.CURL_CA_BUNDLE;
  return env;
};

let fleet: Fleet;
const byVendor = (vendor: VendorKey) => fleet.bmcs.find((bmc) => bmc.vendor === vendor) as BmcHandle;

beforeAll(async () => {
  fleet = await startFleet({ count: 5, vendor: "mixed", base: "127.51.8.1", seed: 8 });
});
afterAll(() => fleet.stop());

/** Runs redfishtool; `-ssss` makes it trace each request as `#` lines before the JSON. */
async function redfishtool(bmc: BmcHandle, ...args: string[]) {
  const host = `${bmc.address}:${bmc.port}`;
  const { stdout } = await run(REDFISHTOOL, ["-r", host, "-S", "Always", "-u", bmc.username, "-p", bmc.password, ...args], {
    env: pythonEnv(),
    timeout: 30_000,
  });
  const lines = stdout.split("\n");
  return { json: JSON.parse(lines.filter((line) => !line.startsWith("#")).join("\n")), trace: lines.filter((line) => line.startsWith("#")) };
}

const SUSHY_SCRIPT = `
import json, sys, warnings
warnings.filterwarnings("ignore")
import sushy
url, user, password, legacy = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
root = sushy.Sushy(url, username=user, password=password, verify=False)
out = {"uuid": root.uuid, "product": root.product}
out["systems"] = sorted(root.get_system_collection().members_identities)
system = root.get_system()
out["power_state"] = str(system.power_state.value)
out["bios_version"] = system.bios_version
out["serial"] = system.serial_number
if not legacy:
    inventory = root.get_update_service().firmware_inventory
    out["firmware"] = {m.name: m.version for m in inventory.get_members()}
print(json.dumps(out))
`;

async function sushy(bmc: BmcHandle) {
  const legacy = bmc.vendor === "hpe-ilo4" ? "1" : "0";
  const { stdout } = await run(PYTHON, ["-c", SUSHY_SCRIPT, bmc.url, bmc.username, bmc.password, legacy], { env: pythonEnv(), timeout: 30_000 });
  return JSON.parse(stdout);
}

describe.skipIf(!haveRedfishtool)("redfishtool (Debian) against each vendor", () => {
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

describe.skipIf(!haveSushy)("python3-sushy against each vendor", () => {
  it.concurrent.each(VENDOR_KEYS)("%s: root, systems, power state and firmware inventory", async (vendor) => {
    const bmc = byVendor(vendor);
    const out = await sushy(bmc);
    expect(out).toMatchObject({ uuid: expect.any(String), product: expect.any(String), power_state: "On", serial: bmc.serial });
    expect(out.systems).toEqual([odataId(bmc, bmc.paths.system).replace(/\/$/, "")]);
    expect(out.bios_version).toBe(bmc.firmware.bios);
    if (vendor !== "hpe-ilo4") {
      expect(Object.values(out.firmware)).toEqual(expect.arrayContaining([bmc.firmware.bios, bmc.firmware.bmc, bmc.firmware.nic]));
      if (vendor === "hpe-ilo5") expect(out.firmware["Service Pack for ProLiant"]).toBe(bmc.firmware.service_pack);
    }
  });
});
