import { eq } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { firmwareBaselineBinaries, firmwareBaselines, groups, pools, requests } from "~/db/schema";
import { createTestUser } from "~/server/testing/factories";
import { createTestServer } from "~/server/testing/inventory";
import { insertFirmwareBinary } from "../firmware/test-factories";

/**
 * For the requests API tests: two groups' pools (alice: default group with a sub-pool; bob: lab), Dell
 * R750 servers at old versions, a protected one, an HPE one no binary applies to, and baselines that
 * are full, empty, or hold a binary with no stored copy. Nothing here talks to a BMC.
 */
export async function createRequestFleet(db: DbExecutor) {
  const lab = (await db.insert(groups).values({ name: "lab" }).returning())[0]!.id;
  const [staff, alice, bob] = [
    await createTestUser(db, { isStaff: true, groups: [] }),
    await createTestUser(db, { groups: [1] }),
    await createTestUser(db, { groups: [lab] }),
  ];
  const pool = async (name: string, groupId: number, parentId?: number) => (await db.insert(pools).values({ name, groupId, parentId }).returning())[0]!;
  const alicePool = await pool("alice-pool", 1);
  const aliceSub = await pool("alice-sub", 1, alicePool.id);
  const protectedPool = await pool("protected-only", 1);
  const bobPool = await pool("bob-pool", lab);
  const dell = (name: string, resourcePoolId: number, extra: Record<string, unknown> = {}) =>
    createTestServer(db, { name, resourcePoolId, biosVersion: "1.2.4", bmcFirmwareVersion: "5.10.00.00", ...extra });
  const servers = {
    a1: await dell("a1", alicePool.id),
    a2: await dell("a2", alicePool.id),
    sub1: await dell("sub1", aliceSub.id),
    guarded: await dell("guarded", alicePool.id, { protected: true }),
    hpe: await createTestServer(db, { name: "hpe1", resourcePoolId: alicePool.id, manufacturer: "HPE", model: "ProLiant DL380 Gen10" }),
    lonelyGuard: await dell("lonely-guard", protectedPool.id, { protected: true }),
    b1: await dell("b1", bobPool.id),
    b2: await dell("b2", bobPool.id),
  };
  const ready = { storedPath: "firmware/test" };
  const bios = await insertFirmwareBinary(db, { name: "R750 BIOS", firmwareType: "bios", version: "1.12.2", ...ready });
  const bmc = await insertFirmwareBinary(db, { name: "iDRAC", firmwareType: "bmc", version: "6.10.80.00", ...ready });
  const notReady = await insertFirmwareBinary(db, { name: "PERC", firmwareType: "storage_controller", version: "25.5.9.0001", storedPath: null });
  const hpeBios = await insertFirmwareBinary(db, {
    name: "DL380 ROM",
    firmwareType: "bios",
    version: "U30 v2.80",
    manufacturer: "HPE",
    models: ["ProLiant DL380 Gen10"],
    ...ready,
  });
  const baseline = async (name: string, binaryIds: number[]) => {
    const [row] = await db.insert(firmwareBaselines).values({ name }).returning();
    if (binaryIds.length) await db.insert(firmwareBaselineBinaries).values(binaryIds.map((firmwareBinaryId) => ({ baselineId: row!.id, firmwareBinaryId })));
    return row!;
  };
  const baselines = {
    r750: await baseline("R750 Q1", [bios.id, bmc.id]),
    empty: await baseline("empty", []),
    notReady: await baseline("not ready", [bios.id, notReady.id]),
  };
  return { staff, alice, bob, pools: { alicePool, aliceSub, protectedPool, bobPool }, servers, binaries: { bios, bmc, notReady, hpeBios }, baselines };
}

export async function requestCount(db: DbExecutor): Promise<number> {
  return db.$count(requests);
}

export async function requestStatus(db: DbExecutor, id: number): Promise<string | undefined> {
  const [row] = await db.select({ status: requests.status }).from(requests).where(eq(requests.id, id));
  return row?.status;
}
