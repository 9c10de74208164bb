import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pools } from "~/db/schema";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestServer } from "~/server/testing/inventory";
import { insertFirmwareBinary } from "../firmware/test-factories";

let api: TestApi;
let token: string;
let poolId: number;

beforeAll(async () => {
  api = await startTestApi();
  token = (await createTestUser(api.db, { isStaff: true, groups: [] })).token;
  poolId = (await api.db.insert(pools).values({ name: "Rules", groupId: 1 }).returning())[0]!.id;
});
afterAll(() => api.close());

type Binary = Parameters<typeof insertFirmwareBinary>[1];
type Component = { firmware_binary_id: number; firmware_type: string; baseline_version: string; current_version: string | null; status: string };
type ServerReport = { server_id: number; overall_status: string; components: Component[] };

let baselines = 0;
async function baselineOf(...binaries: Binary[]) {
  const ids = [];
  for (const binary of binaries) ids.push((await insertFirmwareBinary(api.db, binary)).id);
  const response = await api.request("POST", "/api/firmware_baseline/", { token, json: { name: `rules ${++baselines}`, firmware_binaries: ids } });
  expect(response.status).toBe(201);
  return { id: response.body.id as number, binaries: ids };
}

/** The server's report, which a paged request (its versions read for the page only) must give alike. */
async function complianceOf(baselineId: number, serverId: number): Promise<ServerReport> {
  const url = `/api/firmware_baseline/${baselineId}/compliance/?server=${serverId}`;
  const [whole, paged] = [await api.request("GET", url, { token }), await api.request("GET", `${url}&page_size=1`, { token })];
  expect([whole.status, paged.status]).toEqual([200, 200]);
  expect(whole.body.servers).toHaveLength(1);
  expect(paged.body.servers).toEqual(whole.body.servers);
  return whole.body.servers[0];
}

const server = (values: Parameters<typeof createTestServer>[1]) => createTestServer(api.db, { resourcePoolId: poolId, ...values });
const entry = (name: string, version: string, extra: Record<string, string> = {}) => ({ inventoryId: `${name}-${version}`, name, version, ...extra });

describe("keyword matching on the firmware inventory", () => {
  const cases: Array<[string, string, { name?: string; softwareId?: string }]> = [
    ["storage_controller", "storage", { name: "Integrated Storage Module" }],
    ["storage_controller", "raid", { name: "ThinkSystem RAID 940-8i 4GB Flash" }],
    ["storage_controller", "perc", { name: "PERC H755 Front" }],
    ["storage_controller", "storage controller", { name: "Broadcom Storage Controller" }],
    ["storage_controller", "hba", { name: "Dell HBA355i Front" }],
    ["storage_controller", "raid (software id)", { name: "Slot 3 controller", softwareId: "RAID-9460" }],
    ["lsi_3108", "lsi", { name: "LSI Logic controller" }],
    ["lsi_3108", "3108", { name: "Broadcom 3108 ROC" }],
    ["lsi_3108", "megaraid", { name: "AVAGO MegaRAID SAS 9361" }],
    ["lsi_3108", "sas", { name: "Onboard SAS controller" }],
    ["service_pack", "service pack", { name: "Service Pack for ProLiant" }],
    ["service_pack", "spp", { name: "Gen10 SPP" }],
    ["service_pack", "firmware pack", { name: "Lenovo Firmware Pack" }],
  ];

  it.each(cases)("finds a %s by the keyword %s, ignoring case", async (firmwareType, _keyword, found) => {
    const baseline = await baselineOf({ firmwareType, version: "25.5.9.0001", manufacturer: "Supermicro", models: [] });
    const target = await server({
      manufacturer: "Super Micro Computer, Inc.",
      model: "SYS-620U-TNR",
      firmwares: [entry(found.name!, "25.5.9.0001", { softwareId: found.softwareId ?? "" }), entry("BMC", "01.01.10")],
    });
    const report = await complianceOf(baseline.id, target.id);
    expect(report.components).toEqual([
      { firmware_binary_id: baseline.binaries[0], firmware_type: firmwareType, baseline_version: "25.5.9.0001", current_version: "25.5.9.0001", status: "compliant" },
    ]);
    expect(report.overall_status).toBe("compliant");
  });

  it("reports unknown when no inventory entry matches the type's keywords", async () => {
    const baseline = await baselineOf({ firmwareType: "storage_controller", version: "52.21.0-4606", manufacturer: "Dell" });
    const target = await server({ manufacturer: "Dell Inc.", firmwares: [entry("BIOS", "1.2.4"), entry("Integrated Dell Remote Access Controller", "6.10.80.00")] });
    const report = await complianceOf(baseline.id, target.id);
    expect(report.components[0]).toMatchObject({ current_version: null, status: "unknown" });
    expect(report.overall_status).toBe("unknown");
  });
});

describe("version comparison", () => {
  it("is exact string equality: 1.2 against 1.2.0 is non_compliant", async () => {
    const baseline = await baselineOf({ firmwareType: "bios", version: "1.2.0", manufacturer: "Dell" });
    const target = await server({ manufacturer: "Dell Inc.", biosVersion: "1.2" });
    expect((await complianceOf(baseline.id, target.id)).components[0]).toMatchObject({ baseline_version: "1.2.0", current_version: "1.2", status: "non_compliant" });
  });

  it("compares BIOS and BMC with the versions the BMC reports, spelled as the vendor spells them", async () => {
    const baseline = await baselineOf(
      { firmwareType: "bios", version: "U46 v1.56 (11/29/2021)", manufacturer: "HPE", models: ["ProLiant DL380 Gen10 Plus"] },
      { firmwareType: "bmc", version: "2.55", manufacturer: "HPE", models: ["ProLiant DL380 Gen10 Plus"] },
    );
    const target = await server({ manufacturer: "HPE", model: "ProLiant DL380 Gen10 Plus", biosVersion: "U46 v1.56 (11/29/2021)", bmcFirmwareVersion: "iLO 5 v2.55" });
    const report = await complianceOf(baseline.id, target.id);
    expect(report.components.map((c) => [c.current_version, c.status])).toEqual([
      ["U46 v1.56 (11/29/2021)", "compliant"],
      ["iLO 5 v2.55", "non_compliant"],
    ]);
    expect(report.overall_status).toBe("non_compliant");
  });

  it("reports unknown when the BMC gave no BIOS version", async () => {
    const baseline = await baselineOf({ firmwareType: "bios", version: "1.2.4", manufacturer: "Dell" });
    const target = await server({ manufacturer: "Dell Inc.", biosVersion: "" });
    expect((await complianceOf(baseline.id, target.id)).components[0]).toMatchObject({ current_version: null, status: "unknown" });
  });
});

describe("applicability: vendors through the alias table, models ignoring case", () => {
  it("makes a binary not_applicable to a model it does not list", async () => {
    const baseline = await baselineOf({ firmwareType: "bios", version: "1.12.2", manufacturer: "Dell", models: ["PowerEdge R750"] });
    const target = await server({ manufacturer: "Dell Inc.", model: "PowerEdge R650", biosVersion: "1.10.0" });
    const report = await complianceOf(baseline.id, target.id);
    expect(report.components[0]).toMatchObject({ current_version: null, status: "not_applicable" });
    expect(report.overall_status).toBe("not_applicable");
  });

  it("fits the vendor's spellings, any case of the model, and every model when the binary lists none", async () => {
    const baseline = await baselineOf(
      { firmwareType: "bios", version: "U46 v1.56 (11/29/2021)", manufacturer: "HPE", models: ["ProLiant DL380 Gen10 Plus"] },
      { firmwareType: "bmc", version: "iLO 5 v2.55", manufacturer: "Hewlett Packard Enterprise", models: [] },
      { firmwareType: "bios", version: "1.2.4", manufacturer: "Dell", models: [] },
    );
    const target = await server({ manufacturer: "HP", model: "PROLIANT DL380 GEN10 PLUS ", biosVersion: "U46 v1.56 (11/29/2021)", bmcFirmwareVersion: "iLO 5 v2.55" });
    const report = await complianceOf(baseline.id, target.id);
    expect(report.components.map((c) => c.status)).toEqual(["compliant", "compliant", "not_applicable"]);
    expect(report.overall_status).toBe("compliant");
  });

  it("matches a vendor the alias table does not know by its own name, without legal forms", async () => {
    const baseline = await baselineOf({ firmwareType: "bmc", version: "4.1", manufacturer: "Contoso", models: [] });
    const target = await server({ manufacturer: "Contoso Ltd.", model: "C-100", bmcFirmwareVersion: "4.1" });
    expect((await complianceOf(baseline.id, target.id)).overall_status).toBe("compliant");
  });
});

describe("which inventory entries count as installed", () => {
  it("leaves out Dell's Previous- and Available- images and entries whose state is not Enabled", async () => {
    const baseline = await baselineOf({ firmwareType: "storage_controller", version: "52.21.0-4606", manufacturer: "Dell" });
    const target = await server({
      manufacturer: "Dell Inc.",
      firmwares: [
        { inventoryId: "Installed-104537-52.16.1-4405", name: "PERC H755 Front", version: "52.16.1-4405", softwareId: "104537", state: "Enabled" },
        { inventoryId: "Previous-104537-52.21.0-4606", name: "PERC H755 Front", version: "52.21.0-4606", softwareId: "104537" },
        { inventoryId: "Available-104537-52.21.0-4606", name: "PERC H755 Front", version: "52.21.0-4606", softwareId: "104537" },
        { inventoryId: "Staged-PERC", name: "PERC H755 Front", version: "52.21.0-4606", softwareId: "104537", state: "StandbyOffline" },
      ],
    });
    expect((await complianceOf(baseline.id, target.id)).components[0]).toMatchObject({ current_version: "52.16.1-4405", status: "non_compliant" });
  });

  it.each([
    ["52.21.0-4606", { current_version: "52.21.0-4606", status: "compliant" }],
    ["52.16.1-4405", { current_version: "2.5.13.3024", status: "non_compliant" }],
  ])("with several installed matches and the PERC at %s: the one at the baseline version wins, else the first by name", async (perc, expected) => {
    const baseline = await baselineOf({ firmwareType: "storage_controller", version: "52.21.0-4606", manufacturer: "Dell" });
    const target = await server({
      manufacturer: "Dell Inc.",
      firmwares: [
        { inventoryId: `Installed-104537-${perc}`, name: "PERC H755 Front", version: perc, softwareId: "104537" },
        { inventoryId: "Installed-109123-2.5.13.3024", name: "BOSS-S2 RAID", version: "2.5.13.3024", softwareId: "109123" },
      ],
    });
    expect((await complianceOf(baseline.id, target.id)).components[0]).toMatchObject(expected);
  });
});

describe("nic and other binaries (no rule in the seed)", () => {
  it("match by the binary's name contained in the entry's name, ignoring case", async () => {
    const baseline = await baselineOf(
      { firmwareType: "nic", name: "Broadcom Adv. Dual 25Gb Ethernet", version: "22.00.7", manufacturer: "Dell" },
      { firmwareType: "other", name: "Lifecycle Controller", version: "6.10.80.00", manufacturer: "Dell" },
      { firmwareType: "nic", name: "Intel(R) Ethernet 25G 2P E810-XXV", version: "4.30", manufacturer: "Dell" },
    );
    const target = await server({
      manufacturer: "Dell Inc.",
      firmwares: [
        { inventoryId: "Installed-108245-21.85.21.92__NIC.Integrated.1-1-1", name: "BROADCOM ADV. DUAL 25GB ETHERNET - AA:BB:CC:00:00:01", version: "21.85.21.92", softwareId: "108245" },
        { inventoryId: "Installed-28897-6.10.80.00", name: "Lifecycle Controller", version: "6.10.80.00", softwareId: "28897" },
      ],
    });
    const report = await complianceOf(baseline.id, target.id);
    expect(report.components.map((c) => [c.current_version, c.status])).toEqual([
      ["21.85.21.92", "non_compliant"],
      ["6.10.80.00", "compliant"],
      [null, "unknown"],
    ]);
  });
});

describe("overall status", () => {
  it("is unknown when nothing is non_compliant but something is unknown, and an empty baseline applies to nothing", async () => {
    const mixed = await baselineOf(
      { firmwareType: "bios", version: "2.3.6", manufacturer: "Lenovo", models: [] },
      { firmwareType: "storage_controller", version: "5.200.02-3618", manufacturer: "Lenovo", models: [] },
    );
    const target = await server({ manufacturer: "LENOVO", model: "ThinkSystem SR650 V2", biosVersion: "2.3.6" });
    expect((await complianceOf(mixed.id, target.id)).overall_status).toBe("unknown");
    const empty = await baselineOf();
    expect(await complianceOf(empty.id, target.id)).toMatchObject({ overall_status: "not_applicable", components: [] });
  });
});
