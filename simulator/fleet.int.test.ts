import { describe, expect, it } from "vitest";
import { startFleet } from "./index";
import { bmcClient, request } from "./testing/client";

describe.concurrent("startFleet", () => {
  it("binds consecutive loopback addresses across octets, one listener each on the same port", async () => {
    const fleet = await startFleet({ count: 4, base: "127.51.9.254", port: 28443, seed: 1 });
    try {
      expect(fleet.bmcs.map((bmc) => bmc.url)).toEqual([
        "https://127.51.9.254:28443",
        "https://127.51.9.255:28443",
        "https://127.51.10.0:28443",
        "https://127.51.10.1:28443",
      ]);
      const roots = await Promise.all(fleet.bmcs.map((bmc) => request(`${bmc.url}/redfish/v1/`)));
      expect(new Set(roots.map((root) => root.body.UUID)).size).toBe(4);
      expect(fleet.certificate).toContain("BEGIN CERTIFICATE");
    } finally {
      await fleet.stop();
    }
  });

  it("deals vendors round-robin for mixed, and a seed reproduces serials, MACs and versions", async () => {
    const [first, second, other] = await Promise.all([
      startFleet({ count: 6, vendor: "mixed", base: "127.51.11.1", seed: 42 }),
      startFleet({ count: 6, vendor: "mixed", base: "127.51.11.21", seed: 42 }),
      startFleet({ count: 6, vendor: "mixed", base: "127.51.11.41", seed: 43 }),
    ]);
    try {
      expect(first.bmcs.map((bmc) => bmc.vendor)).toEqual(["dell", "hpe-ilo5", "hpe-ilo4", "supermicro", "lenovo", "dell"]);
      const fingerprint = (bmc: (typeof first.bmcs)[number]) => ({ model: bmc.model, serial: bmc.serial, macs: bmc.identity.macs, firmware: bmc.firmware });
      expect(second.bmcs.map(fingerprint)).toEqual(first.bmcs.map(fingerprint));
      expect(other.bmcs.map((bmc) => bmc.serial)).not.toEqual(first.bmcs.map((bmc) => bmc.serial));
      expect(first.seed).toBe("42");
    } finally {
      await Promise.all([first.stop(), second.stop(), other.stop()]);
    }
  });

  it("builds a heterogeneous fleet from per-group vendor, model, firmware, credentials and faults", async () => {
    const fleet = await startFleet({
      base: "127.51.12.1",
      seed: 7,
      bmcs: [
        { count: 2, vendor: "dell", model: "PowerEdge R650", firmware: { bios: "1.3.8", bmc: "5.10.50.00" }, username: "admin", password: "calvin" },
        { vendor: "lenovo", faults: { errorRate: 1 } },
      ],
    });
    try {
      const [dellA, dellB, lenovo] = fleet.bmcs;
      expect([dellA.model, dellB.model]).toEqual(["PowerEdge R650", "PowerEdge R650"]);
      expect(dellA.firmware).toMatchObject({ bios: "1.3.8", bmc: "5.10.50.00" });
      const system = await bmcClient(dellB).get(dellB.paths.system);
      expect(system.body).toMatchObject({ BiosVersion: "1.3.8", Model: "PowerEdge R650" });
      expect((await request(`${dellA.url}${dellA.paths.system}`, { basic: { username: "root", password: "bmc_password" } })).status).toBe(401);
      expect((await bmcClient(lenovo).get(lenovo.paths.system)).status).toBe(500);
      expect(lenovo.faults).toEqual({ errorRate: 1 });
    } finally {
      await fleet.stop();
    }
  });

  it("serves plain HTTP when asked", async () => {
    const fleet = await startFleet({ base: "127.51.12.20", http: true });
    try {
      const [bmc] = fleet.bmcs;
      expect(bmc.url).toMatch(/^http:\/\/127\.51\.12\.20:\d+$/);
      expect(fleet.certificate).toBeUndefined();
      expect((await request(`${bmc.url}/redfish/v1/`)).status).toBe(200);
    } finally {
      await fleet.stop();
    }
  });

  it("refuses non-loopback bases and invalid configurations with clear errors", async () => {
    await expect(startFleet({ base: "10.0.0.1" })).rejects.toThrow(/not in 127\.0\.0\.0\/8/);
    await expect(startFleet({ base: "127.51.12.30", vendor: "acme" as "dell" })).rejects.toThrow(/invalid fleet options/);
    await expect(startFleet({ base: "127.51.12.30", bmcs: [{ vendor: "dell", model: "PowerEdge R999" }] })).rejects.toThrow(
      /dell has no model "PowerEdge R999"/,
    );
    await expect(startFleet({ base: "127.51.12.30", bmcs: [{ vendor: "dell", firmware: { service_pack: "1" } }] })).rejects.toThrow(
      /dell has no service_pack firmware component/,
    );
    await expect(startFleet({ base: "127.51.12.30", count: 2, bmcs: [{ vendor: "dell" }] })).rejects.toThrow(/either count or bmcs/);
  });

  it("reports a port already taken", async () => {
    const fleet = await startFleet({ base: "127.51.12.40", port: 28444 });
    try {
      await expect(startFleet({ base: "127.51.12.40", port: 28444 })).rejects.toThrow(/cannot listen on 127\.51\.12\.40:28444 \(EADDRINUSE\)/);
      expect((await request(`${fleet.bmcs[0].url}/redfish/v1/`)).status).toBe(200);
    } finally {
      await fleet.stop();
    }
  });
});
