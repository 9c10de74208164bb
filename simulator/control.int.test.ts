import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeImage, spawnFleet, startFleet, type FleetProcess } from "./index";
import { request, waitFor } from "./testing/client";
import { serveImages, type ImageServer } from "./testing/image-server";

let fleet: FleetProcess;
let images: ImageServer;
const timings = { taskMs: 600, powerMs: 50, bmcRestartMs: 300 };

beforeAll(async () => {
  [fleet, images] = await Promise.all([
    spawnFleet({ count: 3, vendor: "mixed", base: "127.51.20.1", seed: 20, http: true, timings }),
    serveImages("127.51.20.250"),
  ]);
}, 60_000);
afterAll(() => Promise.all([fleet?.stop(), images?.stop()]));

const basic = { username: "root", password: "bmc_password" };

describe("the control endpoint of a fleet in a child process", () => {
  it("prints a ready line and lists every BMC in the documented shape", async () => {
    expect(fleet.ready).toMatchObject({ bmcs: 3, seed: "20", first: expect.stringMatching(/^http:\/\/127\.51\.20\.1:\d+$/) });
    const bmcs = await fleet.control.bmcs();
    expect(bmcs.map((bmc) => [bmc.address, bmc.vendor])).toEqual([
      ["127.51.20.1", "dell"],
      ["127.51.20.2", "hpe-ilo5"],
      ["127.51.20.3", "hpe-ilo4"],
    ]);
    expect(Object.keys(bmcs[0]).sort()).toEqual(
      ["address", "port", "url", "vendor", "model", "serial", "power_state", "firmware", "pending", "sessions", "flash_history", "faults", "habits"].sort(),
    );
    expect(bmcs[0]).toMatchObject({ power_state: "On", pending: {}, sessions: 0, flash_history: [], firmware: { bios: expect.any(String), bmc: expect.any(String) } });
  });

  it("reports each accepted flash once, with its outcome, versions and times", async () => {
    const [dell] = await fleet.control.bmcs();
    images.add("nic.bin", makeImage({ vendor: "dell", type: "nic", version: "30.1.2", models: [], name: "nic" }));
    const accepted = await request(`${dell.url}${"/redfish/v1/UpdateService/Actions/UpdateService.SimpleUpdate"}`, {
      method: "POST",
      basic,
      body: { ImageURI: images.url("nic.bin") },
    });
    expect(accepted.status).toBe(202);
    const running = await fleet.control.bmc(dell.address);
    expect(running.flash_history).toMatchObject([{ outcome: "running", finished_at: null, image_uri: images.url("nic.bin"), method: "SimpleUpdate" }]);
    const done = await waitFor(async () => {
      const state = await fleet.control.bmc(dell.address);
      return state.flash_history[0]?.outcome === "running" ? undefined : state;
    });
    expect(done.flash_history).toEqual([
      expect.objectContaining({ type: "nic", from_version: dell.firmware.nic, to_version: "30.1.2", outcome: "applied", image_name: "nic.bin", force: false }),
    ]);
    const [entry] = done.flash_history;
    expect(Date.parse(entry.finished_at!)).toBeGreaterThanOrEqual(Date.parse(entry.requested_at));
    expect(done.firmware.nic).toBe("30.1.2");
  });

  it("sets faults with the config file's keys, clears one with null and all with DELETE", async () => {
    const [, ilo5] = await fleet.control.bmcs();
    const root = () => request(`${ilo5.url}/redfish/v1/`);
    expect((await fleet.control.setFaults(ilo5.address, { errorRate: 1, latencyMs: 5 })).faults).toEqual({ errorRate: 1, latencyMs: 5 });
    expect((await root()).status).toBe(500);
    expect((await fleet.control.setFaults(ilo5.address, { errorRate: null })).faults).toEqual({ latencyMs: 5 });
    expect((await root()).status).toBe(200);
    await fleet.control.setFaults(ilo5.address, { hang: true });
    expect((await fleet.control.clearFaults(ilo5.address)).faults).toEqual({});
    expect((await root()).status).toBe(200);
  });

  it("reports the fleet process's memory and event loop delay for benches", async () => {
    const stats = await fleet.control.stats();
    expect(stats).toMatchObject({ bmcs: 3, rss_bytes: expect.any(Number), heap_used_bytes: expect.any(Number) });
    expect(stats.rss_bytes).toBeGreaterThan(stats.heap_used_bytes);
    expect(stats.event_loop_delay_ms.p99).toBeGreaterThanOrEqual(stats.event_loop_delay_ms.p50);
    expect(Date.parse((await fleet.control.stats()).since)).toBeGreaterThan(Date.parse(stats.since));
  });

  it("refuses what it cannot do with a clear 4xx and changes nothing", async () => {
    const { url } = fleet.control;
    const post = (path: string, body: string) => fetch(`${url}${path}`, { method: "POST", body, headers: { "Content-Type": "application/json" } });
    const unknownFault = await post("/bmcs/127.51.20.3/faults", JSON.stringify({ errorRate: 0.5, meltdown: true }));
    expect(unknownFault.status).toBe(400);
    expect((await unknownFault.json()).error).toContain('unknown fault "meltdown"');
    const badValue = await post("/bmcs/127.51.20.3/faults", JSON.stringify({ errorRate: 7 }));
    expect(badValue.status).toBe(400);
    expect((await post("/bmcs/127.51.20.3/faults", "{not json")).status).toBe(400);
    expect((await fleet.control.bmc("127.51.20.3")).faults).toEqual({});
    expect((await fetch(`${url}/bmcs/127.51.99.9`)).status).toBe(404);
    expect((await fetch(`${url}/nothing`)).status).toBe(404);
    expect((await fetch(`${url}/bmcs`, { method: "DELETE" })).status).toBe(405);
  });

  it("stops cleanly on SIGTERM, and when the process that started it goes (its stdin closes)", async () => {
    const short = await spawnFleet({ count: 1, base: "127.51.20.40", http: true });
    await short.stop();
    expect(short.child.exitCode).toBe(0);
    const orphan = await spawnFleet({ count: 1, base: "127.51.20.41", http: true });
    const exited = new Promise((resolve) => orphan.child.once("exit", resolve));
    orphan.child.stdin!.end();
    expect(await exited).toBe(0);
  });
});

describe("the control endpoint from the library", () => {
  it("serves the same JSON for a fleet started in-process with controlPort", async () => {
    const local = await startFleet({ count: 2, vendor: "lenovo", base: "127.51.20.50", seed: 21, http: true, controlPort: 0 });
    try {
      const answer = await request(`${local.control!.url}/bmcs/127.51.20.51`);
      expect(answer.body).toMatchObject({ address: "127.51.20.51", vendor: "lenovo", port: local.bmcs[1].port, habits: { pushClaim: true } });
    } finally {
      await local.stop();
    }
  });
});
