import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleet, type BmcHandle, type Fleet, type PowerState } from "./index";
import { bmcClient, waitFor } from "./testing/client";
import { VENDOR_KEYS, type VendorKey } from "./types";

let fleet: Fleet;
const byVendor = (vendor: VendorKey) => fleet.bmcs.find((bmc) => bmc.vendor === vendor) as BmcHandle;

beforeAll(async () => {
  fleet = await startFleet({ base: "127.51.3.1", seed: 5, timings: { powerMs: 400 }, bmcs: [{ count: 5, vendor: "mixed" }, { vendor: "openbmc" }] });
});
afterAll(() => fleet.stop());

/** The PowerState values a client reading the system sees until `until` shows up. */
async function watchPower(bmc: BmcHandle, until: PowerState): Promise<PowerState[]> {
  const seen: PowerState[] = [];
  await waitFor(async () => {
    const { body } = await bmcClient(bmc).get(bmc.paths.system);
    if (seen.at(-1) !== body.PowerState) seen.push(body.PowerState);
    return body.PowerState === until ? true : undefined;
  }, 5000, 10);
  return seen;
}

describe.concurrent.each(VENDOR_KEYS)("%s ComputerSystem.Reset", (vendor) => {
  const reset = (bmc: BmcHandle, ResetType: unknown) => bmcClient(bmc).post(bmc.paths.reset, ResetType === undefined ? {} : { ResetType });

  it.sequential("moves PowerState through the transitional states", async () => {
    const bmc = byVendor(vendor);
    const off = await reset(bmc, "GracefulShutdown");
    expect([200, 204]).toContain(off.status);
    expect(await watchPower(bmc, "Off")).toEqual(["PoweringOff", "Off"]);
    await reset(bmc, "On");
    expect(await watchPower(bmc, "On")).toEqual(["PoweringOn", "On"]);
    await reset(bmc, "ForceRestart");
    expect(await watchPower(bmc, "On")).toEqual(["PoweringOff", "Off", "PoweringOn", "On"]);
    expect(bmc.powerState).toBe("On");
  });

  it.sequential("refuses resets that make no sense in the current state", async () => {
    const bmc = byVendor(vendor);
    const conflict = await reset(bmc, "On");
    expect(conflict.status).toBe(409);
    expect(conflict.text).toContain("already powered on");
    expect((await reset(bmc, undefined)).status).toBe(400);
    const invalid = await reset(bmc, "Explode");
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain("ActionParameterValueNotInList");
  });
});

describe("power edge cases", () => {
  it("lets ForceOff cut a power-on short, and restarts a powered-off host", async () => {
    const bmc = byVendor("dell");
    const client = bmcClient(bmc);
    await client.post(bmc.paths.reset, { ResetType: "ForceOff" });
    await watchPower(bmc, "Off");
    await client.post(bmc.paths.reset, { ResetType: "On" });
    expect(bmc.powerState).toBe("PoweringOn");
    expect((await client.post(bmc.paths.reset, { ResetType: "GracefulShutdown" })).status).toBe(409);
    expect((await client.post(bmc.paths.reset, { ResetType: "ForceOff" })).status).toBe(204);
    expect(await watchPower(bmc, "Off")).toEqual(["PoweringOff", "Off"]);
    await client.post(bmc.paths.reset, { ResetType: "GracefulRestart" });
    expect(await watchPower(bmc, "On")).toEqual(["PoweringOn", "On"]);
  });
});
