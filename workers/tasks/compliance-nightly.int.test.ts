import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "~/db/client";
import { complianceSnapshots, firmwareBaselines } from "~/db/schema";
import { useFreshDatabase } from "~/db/testing/database";
import { insertFirmwareBinary } from "~/server/services/firmware/test-factories";
import { setBaselineBinaries } from "~/server/services/firmware-baselines/links";
import { enqueueJob } from "~/server/services/jobs";
import { createTestServer } from "~/server/testing/inventory";
import { startWorker } from "../runner";
import { taskList } from "../task-list";
import { COMPLIANCE_NIGHTLY } from "./compliance-nightly";

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
beforeAll(async () => {
  database = await useFreshDatabase();
});
afterAll(() => database.drop());

it("snapshots every baseline over its compatible servers, as the system, and drops expired snapshots", async () => {
  const db = getDb();
  const [dell, hpe] = await db.insert(firmwareBaselines).values([{ name: "Dell R750" }, { name: "HPE DL380" }]).returning();
  await setBaselineBinaries(db, dell!.id, [(await insertFirmwareBinary(db, { firmwareType: "bios", version: "1.12.2", manufacturer: "Dell" })).id]);
  await setBaselineBinaries(db, hpe!.id, [(await insertFirmwareBinary(db, { firmwareType: "bmc", version: "iLO 5 v2.55", manufacturer: "HPE", models: [] })).id]);
  await createTestServer(db, { manufacturer: "Dell Inc.", biosVersion: "1.12.2" });
  await createTestServer(db, { manufacturer: "HP", model: "ProLiant DL380 Gen10 Plus", bmcFirmwareVersion: "iLO 5 v2.44" });
  await createTestServer(db, { manufacturer: "HPE", model: "ProLiant DL360 Gen10 Plus", bmcFirmwareVersion: "iLO 5 v2.55" });
  const [expired] = await db.insert(complianceSnapshots).values({ baselineId: dell!.id, trigger: "nightly", scope: "compatible", takenAt: sql`now() - interval '400 days'` }).returning();

  const runner = await startWorker(database.url, { tasks: taskList });
  try {
    await enqueueJob(db, COMPLIANCE_NIGHTLY, {}, { maxAttempts: 1 });
    const deadline = Date.now() + 20_000;
    while ((await db.$count(complianceSnapshots, sql`${complianceSnapshots.id} <> ${expired!.id}`)) < 2 || (await db.$count(complianceSnapshots, sql`${complianceSnapshots.id} = ${expired!.id}`)) > 0) {
      if (Date.now() > deadline) throw new Error("the nightly job did not finish");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await runner.stop();
  }
  const taken = await db.select().from(complianceSnapshots).orderBy(asc(complianceSnapshots.baselineId));
  expect(taken.map((s) => [s.baselineId, s.trigger, s.scope, s.createdById, s.totalServers, s.compliant, s.nonCompliant])).toEqual([
    [dell!.id, "nightly", "compatible", null, 1, 1, 0],
    [hpe!.id, "nightly", "compatible", null, 2, 1, 1],
  ]);
});
