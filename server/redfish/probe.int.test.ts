import { createHash, X509Certificate } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleet, type Fleet } from "~/simulator";
import { probeBmc } from "./probe";
import { startMockupServer, type MockupServer } from "./testing/mockup-server";

let fleet: Fleet;
let authRoot: MockupServer;
let notRedfish: MockupServer;
let plainHttp: http.Server;

const sha256Of = (pem: string) => createHash("sha256").update(new X509Certificate(pem).raw).digest("hex");

beforeAll(async () => {
  [fleet, authRoot, notRedfish] = await Promise.all([
    startFleet({ count: 5, vendor: "mixed", base: "127.53.1.1", seed: 53 }),
    startMockupServer({ mockup: "public-rackmount1", host: "127.53.2.1", rootRequiresAuth: true }),
    startMockupServer({ mockup: null, host: "127.53.2.3" }),
  ]);
  plainHttp = http.createServer((_req, res) => res.end("<html>router login</html>"));
  await new Promise<void>((resolve) => plainHttp.listen(0, "127.53.2.2", resolve));
});
afterAll(() => Promise.all([fleet.stop(), authRoot.stop(), notRedfish.stop(), new Promise((resolve) => plainHttp.close(resolve))]));

describe("probeBmc", () => {
  it("identifies every simulated vendor with its certificate fingerprint", async () => {
    for (const bmc of fleet.bmcs) {
      const result = await probeBmc({ host: bmc.address, port: bmc.port });
      expect(result.kind, bmc.vendor).toBe("redfish");
      if (result.kind !== "redfish") continue;
      expect(result.service).toMatchObject({
        host: bmc.address,
        port: bmc.port,
        rootUrl: `${bmc.url}/redfish/v1/`,
        protocol: "redfish",
        uuid: bmc.identity.managerUuid,
        authRequired: false,
        certificateSha256: sha256Of(fleet.certificate!),
      });
      expect(result.service.vendor).toBe({ dell: "Dell", "hpe-ilo5": "HPE", "hpe-ilo4": "HPE", supermicro: "Supermicro", lenovo: "Lenovo", openbmc: "OpenBMC" }[bmc.vendor]);
      expect(result.service.product).toBeTruthy();
      expect(result.service.redfishVersion).toMatch(/^1\.\d+\.\d+$/);
    }
  });

  it("recognises a root that wants credentials", async () => {
    const result = await probeBmc(authRoot.endpoint);
    expect(result).toMatchObject({
      kind: "redfish",
      service: { protocol: "redfish", authRequired: true, vendor: null, uuid: null, certificateSha256: sha256Of(authRoot.certificate) },
    });
  });

  it("falls back to iLO 4's /rest/v1 when /redfish/v1/ is not served", async () => {
    const legacy = await startMockupServer({ mockup: null, host: "127.53.2.4" });
    legacy.override((request) =>
      request.path === "/rest/v1"
        ? { status: 200, body: { Type: "ServiceRoot.0.9.5", Name: "HP RESTful Root Service", links: { Systems: { href: "/rest/v1/Systems" } }, Oem: { Hp: { Manager: [{ ManagerType: "iLO 4" }] } } } }
        : undefined,
    );
    try {
      expect(await probeBmc(legacy.endpoint)).toMatchObject({
        kind: "redfish",
        service: { protocol: "rest", rootUrl: `https://127.53.2.4:${legacy.port}/rest/v1`, vendor: "HPE", product: "iLO 4", authRequired: false },
      });
    } finally {
      await legacy.stop();
    }
  });

  it("says not Redfish for an HTTPS server without a service root and for plain HTTP", async () => {
    const https404 = await probeBmc(notRedfish.endpoint);
    expect(https404.kind).toBe("not_redfish");
    if (https404.kind === "not_redfish") expect(https404.error.message).toContain(`127.53.2.3:${notRedfish.port}`);
    const port = (plainHttp.address() as net.AddressInfo).port;
    const plain = await probeBmc({ host: "127.53.2.2", port });
    expect(plain.kind).toBe("not_redfish");
    if (plain.kind === "not_redfish") expect(plain.error.message).toMatch(/TLS/);
  });

  it("says unreachable for a closed port and, within its bound, for a BMC that never answers", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.53.2.5", resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await probeBmc({ host: "127.53.2.5", port })).toMatchObject({ kind: "unreachable", error: { reason: "refused" } });

    const hung = fleet.bmcs[0];
    hung.setFaults({ hang: true });
    try {
      const started = Date.now();
      const result = await probeBmc({ host: hung.address, port: hung.port }, { timeoutMs: 400 });
      expect(result).toMatchObject({ kind: "unreachable", error: { reason: "timeout", bmc: `${hung.address}:${hung.port}` } });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      hung.clearFaults();
    }
  });
});
