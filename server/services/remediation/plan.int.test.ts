import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client";
import { firmwareBaselineBinaries, firmwareBaselines } from "~/db/schema";
import { useFreshDatabase } from "~/db/testing/database";
import { createTestServer } from "~/server/testing/inventory";
import { insertFirmwareBinary } from "../firmware/test-factories";
import { planRemediation } from "./plan";
import type { RemediationTarget } from "./schemas";

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
const ids: Record<string, number> = {};
let baselineId: number;

beforeAll(async () => {
  database = await useFreshDatabase();
  const db = getDb();
  ids.bios = (await insertFirmwareBinary(db, { name: "R750 BIOS", firmwareType: "bios", version: "1.12.2" })).id;
  ids.bmc = (await insertFirmwareBinary(db, { name: "iDRAC", firmwareType: "bmc", version: "7.00.00.00", models: [] })).id;
  ids.nic = (await insertFirmwareBinary(db, { name: "Broadcom NetXtreme", firmwareType: "nic", version: "22.1" })).id;
  ids.hpeBios = (await insertFirmwareBinary(db, { name: "U46 ROM", firmwareType: "bios", version: "U46 v2.80", manufacturer: "HPE", models: ["ProLiant DL380 Gen10"] })).id;
  baselineId = (await db.insert(firmwareBaselines).values({ name: "plan" }).returning())[0]!.id;
  await db.insert(firmwareBaselineBinaries).values([ids.bios, ids.bmc, ids.nic, ids.hpeBios].map((firmwareBinaryId) => ({ baselineId, firmwareBinaryId: firmwareBinaryId! })));
});
afterAll(() => database.drop());

const target = (serverIds: number[], values: Partial<RemediationTarget> = {}): RemediationTarget => ({
  type: "firmware_baseline_update",
  baselineId,
  serverIds,
  forceReinstall: false,
  forceUpdates: false,
  applyTime: "immediate",
  ...values,
});

describe("planRemediation", () => {
  it("plans the non-compliant and unknown components, BMC before BIOS before the rest, with Dell's job queue pre-step", async () => {
    const db = getDb();
    const dell = await createTestServer(db, {
      biosVersion: "1.2.4",
      bmcFirmwareVersion: "7.00.00.00",
      firmwares: [{ inventoryId: "NIC.1", name: "Broadcom NetXtreme Gigabit", version: "21.0", component: "nic" }],
    });
    const unknownBmc = await createTestServer(db, { biosVersion: "1.12.2", bmcFirmwareVersion: "" });
    const hpe = await createTestServer(db, { manufacturer: "HPE", model: "ProLiant DL380 Gen10", biosVersion: "U46 v2.70" });
    const lenovo = await createTestServer(db, { manufacturer: "Lenovo", model: "ThinkSystem SR650" });

    const plans = await planRemediation(db, target([hpe.id, dell.id, unknownBmc.id, lenovo.id]));
    expect(plans.map((plan) => plan.server_id)).toEqual([hpe.id, dell.id, unknownBmc.id, lenovo.id]);
    const [hpePlan, dellPlan, unknownPlan, lenovoPlan] = plans;
    expect(dellPlan).toMatchObject({ server_name: dell.name, compatible: true });
    expect(dellPlan!.components.map((component) => [component.firmware_type, component.from_version, component.to_version])).toEqual([
      ["bios", "1.2.4", "1.12.2"],
      ["nic", "21.0", "22.1"],
    ]);
    expect(dellPlan!.components[0]).toMatchObject({ firmware_id: ids.bios, name: "R750 BIOS", steps: ["check_binary", "clear_job_queue", "send_update", "wait_for_task", "restart_host", "confirm_version"] });
    expect(unknownPlan!.components).toEqual([
      expect.objectContaining({ firmware_type: "bmc", from_version: null, steps: ["check_binary", "clear_job_queue", "send_update", "wait_for_task", "confirm_version"] }),
    ]);
    expect(hpePlan!.components).toEqual([expect.objectContaining({ firmware_id: ids.hpeBios, steps: ["check_binary", "send_update", "wait_for_task", "restart_host", "confirm_version"] })]);
    expect(lenovoPlan).toEqual({ server_id: lenovo.id, server_name: lenovo.name, compatible: false, components: [] });
  });

  it("applies every compatible binary with force_reinstall, stages with on_reset, and answers [] for a compliant server", async () => {
    const db = getDb();
    const compliant = await createTestServer(db, {
      biosVersion: "1.12.2",
      bmcFirmwareVersion: "7.00.00.00",
      firmwares: [{ inventoryId: "NIC.1", name: "Broadcom NetXtreme", version: "22.1", component: "nic" }],
    });
    const [plain] = await planRemediation(db, target([compliant.id]));
    expect(plain).toMatchObject({ compatible: true, components: [] });
    const [forced] = await planRemediation(db, target([compliant.id], { forceReinstall: true, applyTime: "on_reset" }));
    expect(forced!.components.map((component) => component.firmware_type)).toEqual(["bmc", "bios", "nic"]);
    expect(forced!.components[1]!.steps).toContain("wait_for_reset");
    expect(forced!.components[1]!.steps).not.toContain("restart_host");
  });

  it("plans a firmware_update from the binaries given, whatever the baselines", async () => {
    const db = getDb();
    const server = await createTestServer(db, { biosVersion: "1.12.2" });
    const [plan] = await planRemediation(db, { type: "firmware_update", firmwareIds: [ids.bios!], serverIds: [server.id], forceReinstall: true, forceUpdates: false, applyTime: "immediate" });
    expect(plan!.components).toEqual([expect.objectContaining({ firmware_id: ids.bios, from_version: "1.12.2", to_version: "1.12.2" })]);
    const [unforced] = await planRemediation(db, { type: "firmware_update", firmwareIds: [ids.hpeBios!], serverIds: [server.id], forceReinstall: true, forceUpdates: false, applyTime: "immediate" });
    expect(unforced).toMatchObject({ compatible: false, components: [] });
  });
});
