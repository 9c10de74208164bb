import https from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleet, type BmcHandle, type Fleet } from "./index";
import { bmcClient, login, pathOf, request } from "./testing/client";
import { VENDOR_KEYS, type VendorKey } from "./types";

let fleet: Fleet;
const byVendor = (vendor: VendorKey) => fleet.bmcs.find((bmc) => bmc.vendor === vendor) as BmcHandle;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  fleet = await startFleet({ base: "127.51.2.1", seed: 3, maxSessions: 3, bmcs: [{ count: 5, vendor: "mixed" }, { vendor: "openbmc" }] });
});
afterAll(() => fleet.stop());

describe.concurrent.each(VENDOR_KEYS)("%s sessions", (vendor) => {
  it.sequential("logs in, uses the token, and logs out by deleting the Location", async () => {
    const bmc = byVendor(vendor);
    const { response, token, location } = await login(bmc);
    expect(response.status).toBe(201);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(response.body.Id).toEqual(expect.any(String));
    expect(response.body.UserName).toBe(bmc.username);
    expect(pathOf(location)).toBe(response.body["@odata.id"]);
    if (vendor === "hpe-ilo5") expect(location).toBe(`${bmc.url}${response.body["@odata.id"]}`);
    expect(bmc.sessions.map((session) => session.id)).toEqual([response.body.Id]);

    const client = bmcClient(bmc);
    const system = await client.get(bmc.paths.system, { token });
    expect(system.status).toBe(200);
    const listed = await client.get(bmc.paths.sessions, { token });
    expect(listed.body.Members).toEqual([{ "@odata.id": response.body["@odata.id"] }]);

    const logout = await client.delete(pathOf(location), { token });
    expect([200, 204]).toContain(logout.status);
    expect(bmc.sessions).toEqual([]);
    const after = await client.get(bmc.paths.system, { token });
    expect(after.status).toBe(401);
    expect(after.body.error["@Message.ExtendedInfo"][0].MessageId).toMatch(/\.NoValidSession$/);
  });

  it.sequential("refuses wrong credentials and incomplete logins", async () => {
    const bmc = byVendor(vendor);
    const wrong = await request(`${bmc.url}${bmc.paths.sessions}`, { method: "POST", body: { UserName: bmc.username, Password: "wrong" } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers["x-auth-token"]).toBeUndefined();
    expect(wrong.body.error["@Message.ExtendedInfo"][0].MessageId).toMatch(/\.NoValidSession$/);
    const incomplete = await request(`${bmc.url}${bmc.paths.sessions}`, { method: "POST", body: { UserName: bmc.username } });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error["@Message.ExtendedInfo"][0].MessageId).toMatch(/\.PropertyMissing$/);
  });

  it.sequential("takes Basic auth on every request without opening a session", async () => {
    const bmc = byVendor(vendor);
    expect((await bmcClient(bmc).get(bmc.paths.manager)).status).toBe(200);
    expect(bmc.sessions).toEqual([]);
  });
});

describe("session limits and expiry", () => {
  it("answers SessionLimitExceeded past the limit (503, or 400 on iDRAC) until one logs out", async () => {
    for (const [vendor, status] of [["lenovo", 503], ["dell", 400]] as const) {
      const bmc = byVendor(vendor);
      const sessions = await Promise.all([login(bmc), login(bmc), login(bmc)]);
      expect(sessions.map((session) => session.response.status)).toEqual([201, 201, 201]);
      const refused = await login(bmc);
      expect(refused.response.status).toBe(status);
      expect(refused.response.body.error["@Message.ExtendedInfo"][0].MessageId).toMatch(/\.SessionLimitExceeded$/);
      await bmcClient(bmc).delete(pathOf(sessions[0].location), { token: sessions[0].token });
      expect((await login(bmc)).response.status).toBe(201);
      bmc.expireSessions();
    }
  });

  it("expires idle sessions but keeps busy ones alive", async () => {
    const bmc = byVendor("supermicro");
    bmc.setFaults({ sessionTimeoutMs: 600 });
    const client = bmcClient(bmc);
    const idle = await login(bmc);
    const busy = await login(bmc);
    for (let i = 0; i < 5; i++) {
      await sleep(150);
      expect((await client.get(bmc.paths.system, { token: busy.token })).status).toBe(200);
    }
    expect((await client.get(bmc.paths.system, { token: idle.token })).status).toBe(401);
    expect(bmc.sessions.map((session) => session.id)).toEqual([busy.response.body.Id]);
    bmc.setFaults({ sessionTimeoutMs: undefined });
    bmc.expireSessions();
  });

  it("force-expires every session on demand", async () => {
    const bmc = byVendor("hpe-ilo5");
    const { token } = await login(bmc);
    expect((await bmcClient(bmc).get(bmc.paths.system, { token })).status).toBe(200);
    expect(bmc.expireSessions()).toBe(1);
    const expired = await bmcClient(bmc).get(bmc.paths.system, { token });
    expect(expired.status).toBe(401);
    expect(expired.body.error["@Message.ExtendedInfo"][0].MessageId).toBe("Base.1.4.NoValidSession");
  });

  it("a thousand logins and logouts over HTTPS leave no session behind on either HPE profile", async () => {
    const churn = async (bmc: BmcHandle) => {
      const agent = new https.Agent({ keepAlive: true, maxSockets: 3, rejectUnauthorized: false });
      const body = { UserName: bmc.username, Password: bmc.password };
      const cycle = async () => {
        const created = await request(`${bmc.url}${bmc.paths.sessions}`, { method: "POST", body, agent });
        expect(created.status).toBe(201);
        const token = String(created.headers["x-auth-token"]);
        const ended = await request(`${bmc.url}${pathOf(String(created.headers.location))}`, { method: "DELETE", token, agent });
        expect(ended.status).toBe(200);
      };
      // Three at a time: the most this fleet's BMCs allow at once.
      for (let done = 0; done < 1000; done += 3) await Promise.all(Array.from({ length: Math.min(3, 1000 - done) }, cycle));
      agent.destroy();
      expect(bmc.sessions).toEqual([]);
    };
    await Promise.all([churn(byVendor("hpe-ilo5")), churn(byVendor("hpe-ilo4"))]);
  }, 120_000);
});
