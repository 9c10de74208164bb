import { afterAll, beforeAll, expect, it } from "vitest";
import { pools } from "~/db/schema";
import { startFleet, type Fleet } from "~/simulator";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createNodeFor, createTestProfile } from "~/server/testing/registration";
import { insertFirmwareBinary } from "../firmware/test-factories";

let api: TestApi;
let fleet: Fleet;
let token: string;
let poolId: number;
const serverOf = new Map<string, number>();

beforeAll(async () => {
  api = await startTestApi();
  token = (await createTestUser(api.db, { isStaff: true })).token;
  fleet = await startFleet({ base: "127.58.9.1", seed: 909, bmcs: [{ vendor: "dell" }, { vendor: "hpe-ilo5" }, { vendor: "supermicro" }, { vendor: "lenovo" }] });
  const profile = (await createTestProfile(api, token, [{ username: "root", password: "bmc_password" }])).id;
  poolId = (await api.db.insert(pools).values({ name: "Registered", groupId: 1 }).returning())[0]!.id;
  for (const bmc of fleet.bmcs) {
    const node = await createNodeFor(api, fleet, bmc);
    const registered = await api.request("POST", `/api/node/${node.id}/register/`, { token, json: { auth_profile: profile } });
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    await api.request("PATCH", `/api/server/${registered.body.id}/`, { token, json: { resource_pool: poolId } });
    serverOf.set(bmc.vendor, registered.body.id);
  }
});
afterAll(() => Promise.all([fleet.stop(), api.close()]));

it("reads servers registered from simulated BMCs: versions as the BMCs spell them, vendors through the alias table, keywords on the real inventory", async () => {
  const [dell, ilo5, supermicro] = fleet.bmcs;
  const controller = supermicro!.firmware.storage_controller !== undefined ? "storage_controller" : "lsi_3108";
  const binaries = [
    { firmwareType: "bios", version: dell!.firmware.bios!, manufacturer: "Dell", models: [dell!.model] },
    { firmwareType: "bmc", version: "9.99.99.99", manufacturer: "Dell", models: [] },
    { firmwareType: "bmc", version: ilo5!.firmware.bmc!, manufacturer: "HPE", models: [ilo5!.model] },
    { firmwareType: controller, version: supermicro!.firmware[controller]!, manufacturer: "Supermicro", models: [] },
    { firmwareType: "bios", version: "1.0", manufacturer: "Lenovo", models: ["No Such Model"] },
  ];
  const ids: number[] = [];
  for (const binary of binaries) ids.push((await insertFirmwareBinary(api.db, binary)).id);
  const baseline = await api.request("POST", "/api/firmware_baseline/", { token, json: { name: "Registered fleet", firmware_binaries: ids } });
  expect(baseline.status).toBe(201);

  const response = await api.request("GET", `/api/firmware_baseline/${baseline.body.id}/compliance/?pool=${poolId}`, { token });
  expect(response.status).toBe(200);
  type Report = { server_id: number; overall_status: string; components: { firmware_binary_id: number; current_version: string | null; status: string }[] };
  const report = (vendor: string) => (response.body.servers as Report[]).find((s) => s.server_id === serverOf.get(vendor))!;
  const component = (vendor: string, binary: number) => report(vendor).components.find((c) => c.firmware_binary_id === ids[binary]);
  expect(report("dell").overall_status).toBe("non_compliant");
  expect(component("dell", 0)).toMatchObject({ current_version: dell!.firmware.bios, status: "compliant" });
  expect(component("dell", 1)).toMatchObject({ current_version: dell!.firmware.bmc, status: "non_compliant" });
  expect(component("dell", 2)).toMatchObject({ status: "not_applicable" });
  expect(report("hpe-ilo5").overall_status).toBe("compliant");
  expect(component("hpe-ilo5", 2)).toMatchObject({ current_version: ilo5!.firmware.bmc, status: "compliant" });
  expect(report("supermicro").overall_status).toBe("compliant");
  expect(component("supermicro", 3)).toMatchObject({ current_version: supermicro!.firmware[controller], status: "compliant" });
  expect(report("lenovo").overall_status).toBe("not_applicable");
  expect(response.body.summary).toEqual({ total_servers: 4, compliant: 2, non_compliant: 1, unknown: 0, not_applicable: 1 });
});
