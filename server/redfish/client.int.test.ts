import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleet, type BmcHandle, type Faults, type Fleet } from "~/simulator";
import { RedfishClient, withBmc, type ClientOptions } from "./client";
import { BmcUnreachableError, CertificateMismatchError, NoCredentialAcceptedError, RedfishProtocolError } from "./errors";
import { slotsInUse } from "./limiter";
import { clientOptionsFor, sha256OfPem, wrongCredential } from "./testing/fleet";

let fleet: Fleet;
const bmc = (vendor: string) => fleet.bmcs.find((candidate) => candidate.vendor === vendor)!;
const label = (handle: BmcHandle) => `${handle.address}:${handle.port}`;

/** Logs in, injects `faults`, and returns what `call` throws (its result if it does not); clears and logs out after. */
async function failureUnder(handle: BmcHandle, faults: Faults, extra: Partial<ClientOptions>, call: (client: RedfishClient) => Promise<unknown>): Promise<any> {
  const client = await RedfishClient.connect(clientOptionsFor(fleet, handle, extra));
  handle.setFaults(faults);
  try {
    return await call(client).catch((error) => error);
  } finally {
    handle.clearFaults();
    await client.close();
  }
}

beforeAll(async () => {
  fleet = await startFleet({
    count: 5,
    vendor: "mixed",
    base: "127.53.3.1",
    seed: 7,
    timings: { powerMs: 50, taskMs: 100, bmcRestartMs: 400 },
  });
});
afterAll(() => fleet.stop());

describe("RedfishClient against the simulated vendors", () => {
  it("logs in with the second credential after the first is refused, reuses one session, and logs out", async () => {
    for (const handle of fleet.bmcs) {
      const options = clientOptionsFor(fleet, handle);
      const client = await RedfishClient.connect({ ...options, credentials: [wrongCredential, ...options.credentials] });
      expect(client.credentialId, handle.vendor).toBe("right");
      expect(client.authMethod).toBe("session");
      expect(client.protocol).toBe("redfish");
      const systems = await client.members(String((client.root.Systems as { "@odata.id": string })["@odata.id"]));
      expect(systems.map((system) => system.SerialNumber)).toEqual([handle.serial]);
      expect(handle.sessions).toHaveLength(1);
      await client.close();
      expect(handle.sessions, handle.vendor).toHaveLength(0);
    }
  });

  it("still logs out when the job using the client was cancelled", async () => {
    const dell = bmc("dell");
    const cancel = new AbortController();
    const client = await RedfishClient.connect(clientOptionsFor(fleet, dell, { signal: cancel.signal }));
    cancel.abort(new Error("job cancelled"));
    await expect(client.get(dell.paths.system)).rejects.toThrow("job cancelled");
    expect(dell.sessions).toHaveLength(1);
    await client.close();
    expect(dell.sessions).toHaveLength(0);
  });

  it("speaks iLO 4's legacy /rest/v1 tree", async () => {
    const ilo = bmc("hpe-ilo4");
    await withBmc(clientOptionsFor(fleet, ilo, { protocol: "rest" }), async (client) => {
      expect(client.rootPath).toBe("/rest/v1");
      expect(client.vendor).toBe("HPE");
      const systems = await client.members("/rest/v1/Systems");
      expect(systems).toHaveLength(1);
      expect(systems[0]).toMatchObject({ Type: "ComputerSystem.0.9.5", SerialNumber: ilo.serial });
      expect(ilo.sessions).toHaveLength(1);
    });
    expect(ilo.sessions).toHaveLength(0);
  });

  it("refuses a BMC whose certificate is not the pinned one, naming both fingerprints", async () => {
    const dell = bmc("dell");
    const pinned = "ab".repeat(32);
    const error = await RedfishClient.connect(clientOptionsFor(fleet, dell, { tls: { pinnedSha256: pinned } })).catch((e) => e);
    expect(error).toBeInstanceOf(CertificateMismatchError);
    expect(error.message).toContain(label(dell));
    expect(error.message).toContain(pinned);
    expect(error.message).toContain(sha256OfPem(fleet.certificate!));
    expect(dell.sessions).toHaveLength(0);
  });

  it("says no credential was accepted, naming the BMC and never a password", async () => {
    const supermicro = bmc("supermicro");
    const second = { ...wrongCredential, id: 2, password: "also-wrong-secret" };
    const error = await RedfishClient.connect(clientOptionsFor(fleet, supermicro, { credentials: [wrongCredential, second] })).catch((e) => e);
    expect(error).toBeInstanceOf(NoCredentialAcceptedError);
    expect(error.tried).toEqual(["wrong", 2]);
    expect(error.message).toContain(label(supermicro));
    expect(error.message).not.toMatch(/not-the-password|also-wrong-secret/);
  });

  it("logs in again once when the BMC expired the session", async () => {
    const lenovo = bmc("lenovo");
    await withBmc(clientOptionsFor(fleet, lenovo), async (client) => {
      expect(lenovo.expireSessions()).toBe(1);
      const manager = await client.getResource("/redfish/v1/Managers/1");
      expect(manager.FirmwareVersion).toBe(lenovo.firmware.bmc);
      expect(lenovo.sessions).toHaveLength(1);
    });
    expect(lenovo.sessions).toHaveLength(0);
  });

  it("waits out a rebooting BMC (503 + Retry-After) after posting the action it advertises", async () => {
    const ilo5 = bmc("hpe-ilo5");
    await withBmc(clientOptionsFor(fleet, ilo5), async (client) => {
      const manager = await client.getResource(ilo5.paths.manager);
      expect((await client.postAction(manager, "Manager.Reset", { ResetType: "GracefulRestart" })).status).toBe(200);
      expect(ilo5.restarting).toBe(true);
      const again = await client.getResource(ilo5.paths.manager);
      expect(again.FirmwareVersion).toBe(ilo5.firmware.bmc);
    });
    expect(ilo5.sessions).toHaveLength(0);
  });

  it("hands a rebooting BMC's 503 back at once, with its Retry-After, to a caller that waits elsewhere", async () => {
    const ilo5 = bmc("hpe-ilo5");
    await withBmc(clientOptionsFor(fleet, ilo5, { retryPolicy: { maxInlineRetryAfterMs: 0 } }), async (client) => {
      const manager = await client.getResource(ilo5.paths.manager);
      expect((await client.postAction(manager, "Manager.Reset", { ResetType: "GracefulRestart" })).status).toBe(200);
      // Waiting out the 1 s Retry-After in the request would have found the BMC back (it restarts in 0.4 s).
      const error = await client.getResource(ilo5.paths.manager).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RedfishProtocolError);
      expect(error).toMatchObject({ status: 503, retryAfterMs: 1000 });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await client.getResource(ilo5.paths.manager)).FirmwareVersion).toBe(ilo5.firmware.bmc);
    });
  });

  it("reads a settled resource once per client, and again after a failed read", async () => {
    const lenovo = bmc("lenovo");
    await withBmc(clientOptionsFor(fleet, lenovo, { retries: 0 }), async (client) => {
      lenovo.setFaults({ errorRate: 1 });
      await expect(client.findSettledResource(lenovo.paths.system)).rejects.toBeInstanceOf(RedfishProtocolError);
      lenovo.clearFaults();
      expect((await client.findSettledResource(lenovo.paths.system))?.SerialNumber).toBe(lenovo.serial);
      // Answered from the first good read: the BMC failing every request now is not asked.
      lenovo.setFaults({ errorRate: 1 });
      expect((await client.findSettledResource(lenovo.paths.system))?.SerialNumber).toBe(lenovo.serial);
      lenovo.clearFaults();
    });
  });

  it("succeeds through random 5xx answers and connection resets by retrying", async () => {
    const dell = bmc("dell");
    dell.setFaults({ errorRate: 0.3, resetRate: 0.2 });
    try {
      await withBmc(clientOptionsFor(fleet, dell, { retries: 6 }), async (client) => {
        for (let i = 0; i < 10; i++) expect((await client.getResource(dell.paths.system)).SerialNumber).toBe(dell.serial);
      });
    } finally {
      dell.clearFaults();
    }
    expect(dell.sessions).toHaveLength(0);
  });

  it("falls back to Basic auth when the BMC is out of sessions, whichever status it answers (Dell 400, others 503)", async () => {
    const full = await startFleet({ base: "127.53.3.20", seed: 8, maxSessions: 1, bmcs: [{ vendor: "dell" }, { vendor: "lenovo" }] });
    try {
      for (const handle of full.bmcs) {
        const holder = await RedfishClient.connect(clientOptionsFor(full, handle));
        await withBmc(clientOptionsFor(full, handle), async (client) => {
          expect(client.authMethod, handle.vendor).toBe("basic");
          expect((await client.getResource(handle.paths.system)).SerialNumber).toBe(handle.serial);
        });
        expect(handle.sessions).toHaveLength(1);
        await holder.close();
        expect(handle.sessions).toHaveLength(0);
      }
    } finally {
      await full.stop();
    }
  });

  it("says a BMC whose service root keeps failing is unwell, not that it is no Redfish service", async () => {
    const dell = bmc("dell");
    dell.setFaults({ errorRate: 1 });
    try {
      const error = await RedfishClient.connect(clientOptionsFor(fleet, dell, { retries: 1 })).catch((e) => e);
      expect(error).toBeInstanceOf(RedfishProtocolError);
      expect(error).toMatchObject({ status: 500 });
    } finally {
      dell.clearFaults();
    }
  });

  it("gives up with a typed error when every answer is a 500", async () => {
    const dell = bmc("dell");
    const error = await failureUnder(dell, { errorRate: 1 }, {}, (client) => client.getResource(dell.paths.system));
    expect(error).toBeInstanceOf(RedfishProtocolError);
    expect(error).toMatchObject({ status: 500, messageId: "InternalError" });
    expect(error.message).toContain(label(dell));
    expect(dell.sessions).toHaveLength(0);
  });

  it("bounds a hanging BMC by the request timeout and its retries", async () => {
    const supermicro = bmc("supermicro");
    const started = Date.now();
    const error = await failureUnder(supermicro, { hang: true }, { timeoutMs: 200, retries: 1 }, (client) => client.get(supermicro.paths.system));
    expect(error).toBeInstanceOf(BmcUnreachableError);
    expect(error).toMatchObject({ reason: "timeout", bmc: label(supermicro) });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(supermicro.sessions).toHaveLength(0);
  });

  it("keeps at most maxInFlight requests in flight to one BMC", async () => {
    const lenovo = bmc("lenovo");
    lenovo.setFaults({ latencyMs: 30 });
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, slotsInUse(label(lenovo)))), 2);
    try {
      await withBmc(clientOptionsFor(fleet, lenovo, { maxInFlight: 2 }), (client) =>
        Promise.all(Array.from({ length: 12 }, () => client.getResource(lenovo.paths.system))),
      );
    } finally {
      clearInterval(sampler);
      lenovo.clearFaults();
    }
    expect(peak).toBe(2);
  });
});
