import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bmcLeases, type NodeRow } from "~/db/schema";
import { startFleet, type Fleet } from "~/simulator";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { createTestNode } from "~/server/testing/inventory";
import { createNodeFor, createTestProfile } from "~/server/testing/registration";
import { acquireBmcLease, BmcBusyError, BmcLeaseLostError, withBmcLease, type BmcOperation } from ".";

let api: TestApi;
let node: NodeRow;

const op = (owner: string, description = `work of ${owner}`): BmcOperation => ({ kind: "remediation", owner, description });

beforeAll(async () => {
  api = await startTestApi();
  node = await createTestNode(api.db, { ip: "127.58.4.1" });
});
afterAll(() => api.close());

describe("one operation at a time per BMC", () => {
  it("refuses a second holder after its wait, naming the operation in progress", async () => {
    const lease = await acquireBmcLease(node, op("a", "the remediation of server r750-01 by alice"), { waitMs: 0 });
    try {
      const started = Date.now();
      const refused = acquireBmcLease(node, op("b"), { waitMs: 300 });
      await expect(refused).rejects.toThrow(BmcBusyError);
      await expect(refused).rejects.toThrow(/^BMC 127\.58\.4\.1:443 is busy with another operation: the remediation of server r750-01 by alice, started at \d{4}-.*Z\. Try again when it has ended\.$/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    } finally {
      await lease.release();
    }
    expect(await api.db.select().from(bmcLeases)).toEqual([]);
  });

  it("lets a waiting operation in as soon as the holder releases", async () => {
    const first = await acquireBmcLease(node, op("a"), { waitMs: 0 });
    const second = acquireBmcLease(node, op("b"), { waitMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await first.release();
    const lease = await second;
    const [row] = await api.db.select().from(bmcLeases).where(eq(bmcLeases.nodeId, node.id));
    expect(row).toMatchObject({ owner: "b", token: lease.token, kind: "remediation" });
    await lease.release();
  });

  it("is crash-safe: the lease of a holder that died expires, and another operation takes the BMC", async () => {
    // What a process that died holding the lease leaves: a row nobody renews.
    await api.db.insert(bmcLeases).values({ nodeId: node.id, kind: "refresh", owner: "dead", token: "t", description: "a refresh", expiresAt: new Date(Date.now() + 700) });
    await expect(acquireBmcLease(node, op("next"), { waitMs: 0 })).rejects.toThrow(BmcBusyError);
    const started = Date.now();
    const next = await acquireBmcLease(node, op("next"), { waitMs: 3_000 });
    expect(Date.now() - started).toBeGreaterThan(300);
    await next.release();
  });

  it("fences a holder that stalled past its lease: once another took the BMC, it cannot write and is told to stop", async () => {
    const stalled = await acquireBmcLease(node, op("stalled"), { waitMs: 0, ttlMs: 600 });
    // Its renewals did not run in time (a long pause): the lease expired.
    await api.db.update(bmcLeases).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(bmcLeases.nodeId, node.id));
    const next = await acquireBmcLease(node, op("next"), { waitMs: 0 });
    await expect(api.db.transaction((tx) => stalled.assertHeld(tx))).rejects.toThrow(BmcLeaseLostError);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(stalled.signal.aborted).toBe(true);
    await api.db.transaction((tx) => next.assertHeld(tx));
    // Releasing a lease it no longer holds leaves the new holder's alone.
    await stalled.release();
    expect((await api.db.select().from(bmcLeases))[0]).toMatchObject({ owner: "next" });
    await next.release();
  });

  it("is renewed while its holder works, so a long operation keeps the BMC", async () => {
    await withBmcLease(node, op("long"), { waitMs: 0, ttlMs: 300 }, async (lease) => {
      await new Promise((resolve) => setTimeout(resolve, 900));
      await expect(acquireBmcLease(node, op("other"), { waitMs: 0 })).rejects.toThrow(BmcBusyError);
      expect(lease.signal.aborted).toBe(false);
    });
    expect(await api.db.select().from(bmcLeases)).toEqual([]);
  });

  it("gives the lease back at once to the same owner (a retried job), with a new token", async () => {
    const first = await acquireBmcLease(node, op("registration_batch:1:node:1"), { waitMs: 0 });
    const retried = await acquireBmcLease(node, op("registration_batch:1:node:1"), { waitMs: 0 });
    expect(retried.token).not.toBe(first.token);
    await expect(api.db.transaction((tx) => first.assertHeld(tx))).rejects.toThrow(BmcLeaseLostError);
    await retried.release();
  });
});

describe("the API while a BMC is busy", () => {
  let fleet: Fleet;
  afterAll(() => fleet?.stop());

  it("answers 400 naming the operation in progress, and registers once it has ended", async () => {
    process.env.RACKPILOT_BMC_LOCK_WAIT = "0.5";
    fleet = await startFleet({ base: "127.58.4.10", seed: 584, vendor: "lenovo" });
    const staff = (await createTestUser(api.db, { isStaff: true })).token;
    const profile = await createTestProfile(api, staff, [{ username: "root", password: "bmc_password" }]);
    const target = await createNodeFor(api, fleet, fleet.bmcs[0]!);
    const register = () => api.request("POST", `/api/node/${target.id}/register/`, { token: staff, json: { auth_profile: profile.id } });
    await withBmcLease(target, op("remediation:7", "the remediation request #7"), { waitMs: 0 }, async () => {
      const busy = await register();
      expect(busy.status).toBe(400);
      expect(busy.body.detail).toMatch(new RegExp(`^BMC 127\\.58\\.4\\.10:${target.port} is busy with another operation: the remediation request #7, started at `));
    });
    expect((await api.request("GET", `/api/node/${target.id}/`, { token: staff })).body.status).toBe("discovered");
    expect((await register()).status).toBe(200);
  });
});
