import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleet, type BmcHandle, type Fleet } from "./index";
import { bmcClient, login, request } from "./testing/client";
import type { VendorKey } from "./types";

let fleet: Fleet;
const byVendor = (vendor: VendorKey) => fleet.bmcs.find((bmc) => bmc.vendor === vendor) as BmcHandle;

beforeAll(async () => {
  fleet = await startFleet({ count: 5, vendor: "mixed", base: "127.51.6.1", seed: 6 });
});
afterAll(() => fleet.stop());

async function outcomes(bmc: BmcHandle, count: number): Promise<string[]> {
  const results: string[] = [];
  for (let i = 0; i < count; i++) {
    try {
      results.push(String((await bmcClient(bmc).get(bmc.paths.system)).status));
    } catch (error) {
      results.push((error as NodeJS.ErrnoException).code ?? "error");
    }
  }
  return results;
}

describe.concurrent("fault injection at runtime", () => {
  it("adds latency", async () => {
    const bmc = byVendor("dell");
    const timed = async () => {
      const started = performance.now();
      expect((await bmcClient(bmc).get(bmc.paths.system)).status).toBe(200);
      return performance.now() - started;
    };
    bmc.setFaults({ latencyMs: 400 });
    const slow = await timed();
    bmc.setFaults({ latencyMs: undefined });
    const fast = await timed();
    expect(slow).toBeGreaterThanOrEqual(400);
    expect(fast).toBeLessThan(slow);
  });

  it("answers a share of requests with 500", async () => {
    const bmc = byVendor("hpe-ilo5");
    bmc.setFaults({ errorRate: 1 });
    const failed = await bmcClient(bmc).get(bmc.paths.system);
    expect(failed.status).toBe(500);
    expect(failed.body.error["@Message.ExtendedInfo"][0].MessageId).toBe("Base.1.4.InternalError");
    bmc.setFaults({ errorRate: 0.5 });
    const mixed = await outcomes(bmc, 30);
    expect(mixed.filter((status) => status === "500").length).toBeGreaterThan(5);
    expect(mixed.filter((status) => status === "200").length).toBeGreaterThan(5);
    bmc.clearFaults();
    expect(await outcomes(bmc, 5)).toEqual(["200", "200", "200", "200", "200"]);
  });

  it("resets connections", async () => {
    const bmc = byVendor("supermicro");
    bmc.setFaults({ resetRate: 1 });
    await expect(bmcClient(bmc).get(bmc.paths.system)).rejects.toMatchObject({ code: "ECONNRESET" });
    bmc.setFaults({ resetRate: 0.5 });
    const mixed = await outcomes(bmc, 30);
    expect(mixed.filter((outcome) => outcome === "ECONNRESET").length).toBeGreaterThan(5);
    expect(mixed.filter((outcome) => outcome === "200").length).toBeGreaterThan(5);
    bmc.clearFaults();
  });

  it("hangs: accepts the connection but never answers", async () => {
    const bmc = byVendor("lenovo");
    bmc.setFaults({ hang: true });
    const started = performance.now();
    await expect(bmcClient(bmc).get(bmc.paths.system, { timeoutMs: 300 })).rejects.toMatchObject({ code: "CLIENT_TIMEOUT" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    await expect(request(`${bmc.url}/redfish/v1/`, { timeoutMs: 300 })).rejects.toMatchObject({ code: "CLIENT_TIMEOUT" });
    bmc.clearFaults();
    expect((await bmcClient(bmc).get(bmc.paths.system)).status).toBe(200);
  });

  it("locks the account after repeated bad logins, even for the right password", async () => {
    const bmc = byVendor("hpe-ilo4");
    const before = await login(bmc);
    bmc.setFaults({ lockout: { attempts: 3, durationMs: 600 } });
    const wrong = { username: bmc.username, password: "guess" };
    for (let i = 0; i < 3; i++) expect((await bmcClient(bmc).get(bmc.paths.system, { basic: wrong })).status).toBe(401);
    const locked = await bmcClient(bmc).get(bmc.paths.system);
    expect(locked.status).toBe(401);
    expect(locked.text).toContain("locked");
    expect((await login(bmc)).response.status).toBe(401);
    const account = await bmcClient(bmc).get("/redfish/v1/AccountService/Accounts/1", { token: before.token });
    expect(account.body).toMatchObject({ Locked: true, UserName: bmc.username });
    await new Promise((resolve) => setTimeout(resolve, 650));
    expect((await bmcClient(bmc).get(bmc.paths.system)).status).toBe(200);
    bmc.clearFaults();
  });
});
