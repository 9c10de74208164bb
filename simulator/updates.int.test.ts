import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeImage, startFleet, type BmcHandle, type FirmwareType, type Fleet } from "./index";
import { bmcClient, login, pathOf, waitFor } from "./testing/client";
import { serveImages, type ImageServer } from "./testing/image-server";
import { pollUntil } from "./testing/monitor";
import type { VendorKey } from "./types";

let fleet: Fleet;
let images: ImageServer;
const byVendor = (vendor: VendorKey) => fleet.bmcs.find((bmc) => bmc.vendor === vendor) as BmcHandle;
const FAMILY = { dell: "dell", "hpe-ilo5": "hpe", "hpe-ilo4": "hpe", supermicro: "supermicro", lenovo: "lenovo", openbmc: "openbmc" } as const;
const DONE = ["Completed", "Exception", "Failed"];

beforeAll(async () => {
  [fleet, images] = await Promise.all([
    startFleet({ count: 5, vendor: "mixed", base: "127.51.4.1", seed: 9, timings: { taskMs: 500, powerMs: 50, bmcRestartMs: 400 } }),
    serveImages("127.51.4.250"),
  ]);
});
afterAll(() => Promise.all([fleet.stop(), images.stop()]));

let imageCount = 0;
function publish(bmc: BmcHandle, type: FirmwareType, version: string, overrides: { vendor?: string; models?: string[] } = {}): string {
  const name = `image-${++imageCount}.bin`;
  const vendor = (overrides.vendor ?? FAMILY[bmc.vendor]) as "dell";
  images.add(name, makeImage({ vendor, type, version, models: overrides.models ?? [bmc.model], name: `${type} ${version}` }));
  return images.url(name);
}

async function simpleUpdate(bmc: BmcHandle, imageUri: string, extra: Record<string, unknown> = {}) {
  const response = await bmcClient(bmc).post(bmc.paths.simpleUpdate, { ImageURI: imageUri, TransferProtocol: "HTTP", ...extra });
  expect(response.status, response.text).toBe(202);
  return { response, location: String(response.headers.location) };
}

const inventoryVersions = async (bmc: BmcHandle) => {
  const client = bmcClient(bmc);
  const { body } = await client.get(bmc.paths.inventory);
  const items = await Promise.all(body.Members.map((m: { "@odata.id": string }) => client.get(m["@odata.id"])));
  return items.map((item) => item.body.Version as string);
};

describe.concurrent.each(["dell", "hpe-ilo5", "supermicro", "lenovo"] as const)("%s SimpleUpdate", (vendor) => {
  it.sequential("downloads a BIOS image and keeps it pending until the host power-cycles", async () => {
    const bmc = byVendor(vendor);
    const before = bmc.firmware.bios;
    const uri = publish(bmc, "bios", "7.7.7");
    const { response, location } = await simpleUpdate(bmc, uri, { "@Redfish.OperationApplyTime": "OnReset" });
    if (vendor !== "dell") expect(response.body).toMatchObject({ TaskState: "New", PercentComplete: 0 });
    const polled = await pollUntil(bmc, location, vendor === "dell" ? ["Scheduled", ...DONE] : DONE);
    expect(polled.states).toContain("Running");
    expect(polled.states.at(-1)).toBe(vendor === "dell" ? "Scheduled" : "Completed");
    expect(polled.last.body.PercentComplete).toBe(100);
    expect(images.requests).toContain(pathOf(uri));

    const client = bmcClient(bmc);
    expect((await client.get(bmc.paths.system)).body.BiosVersion).toBe(before);
    expect(await inventoryVersions(bmc)).not.toContain("7.7.7");
    expect(bmc.pendingFirmware).toEqual({ bios: "7.7.7" });
    expect((await client.post(bmc.paths.reset, { ResetType: "On" })).status).toBe(409);
    expect((await client.get(bmc.paths.system)).body.BiosVersion).toBe(before);

    expect([200, 204]).toContain((await client.post(bmc.paths.reset, { ResetType: "ForceRestart" })).status);
    await waitFor(async () => ((await client.get(bmc.paths.system)).body.PowerState === "On" ? true : undefined));
    expect((await client.get(bmc.paths.system)).body.BiosVersion).toBe("7.7.7");
    expect(await inventoryVersions(bmc)).toContain("7.7.7");
    expect(bmc.flashHistory.at(-1)).toMatchObject({ type: "bios", fromVersion: before, toVersion: "7.7.7", outcome: "applied" });
    if (vendor === "dell") {
      expect((await client.get(pathOf(location))).body).toMatchObject({ JobState: "Completed", Message: "Job completed successfully." });
      expect(await inventoryVersions(bmc)).toContain(before);
    }
  });

  it.sequential("restarts the manager after a BMC update: 503 for a while, sessions gone, new FirmwareVersion", async () => {
    const bmc = byVendor(vendor);
    const { token } = await login(bmc);
    const { location } = await simpleUpdate(bmc, publish(bmc, "bmc", "8.8.8"));
    const polled = await pollUntil(bmc, location, DONE);
    expect(polled.last.body.TaskState ?? polled.last.body.JobState).toBe("Completed");
    expect(polled.unavailable).toBeGreaterThan(0);
    expect((await bmcClient(bmc).get(bmc.paths.manager)).body.FirmwareVersion).toBe("8.8.8");
    expect(bmc.firmware.bmc).toBe("8.8.8");
    expect((await bmcClient(bmc).get(bmc.paths.system, { token })).status).toBe(401);
  });

  it.sequential("applies a NIC update at once", async () => {
    const bmc = byVendor(vendor);
    const targets = [`${bmc.paths.inventory}/nic`];
    const { location } = await simpleUpdate(bmc, publish(bmc, "nic", "6.6.6"), { Targets: targets });
    await pollUntil(bmc, location, DONE);
    expect(bmc.firmware.nic).toBe("6.6.6");
    expect(bmc.flashHistory.at(-1)).toMatchObject({ type: "nic", toVersion: "6.6.6", targets, outcome: "applied" });
    expect(await inventoryVersions(bmc)).toContain("6.6.6");
  });

  it.sequential("rejects an image for another vendor or another model, as real BMCs do", async () => {
    const bmc = byVendor(vendor);
    const before = bmc.firmware;
    const otherVendor = vendor === "dell" ? "lenovo" : "dell";
    const foreign = await simpleUpdate(bmc, publish(bmc, "bios", "1.0.0", { vendor: otherVendor }));
    const failed = await pollUntil(bmc, foreign.location, DONE);
    expect(failed.last.body.TaskState ?? failed.last.body.JobState).toMatch(/^(Exception|Failed)$/);
    expect(JSON.stringify(failed.last.body)).toContain(`for vendor '${otherVendor}'`);

    const wrongModel = await simpleUpdate(bmc, publish(bmc, "bios", "1.0.0", { models: ["Some Other Model"] }));
    const refused = await pollUntil(bmc, wrongModel.location, DONE);
    expect(JSON.stringify(refused.last.body)).toContain(`supports Some Other Model, not this ${bmc.model}`);
    expect(bmc.firmware).toEqual(before);
    expect(bmc.flashHistory.at(-1)?.outcome).toBe("failed");
  });

  it.sequential("fails the task when the download fails", async () => {
    const bmc = byVendor(vendor);
    const { location } = await simpleUpdate(bmc, images.url("missing.bin"));
    const polled = await pollUntil(bmc, location, DONE);
    expect(JSON.stringify(polled.last.body)).toMatch(/TransferFailed|HTTP 404/);
  });
});

describe("task monitors differ per vendor", () => {
  it("iLO 5 forgets a finished monitor once read; XCC deletes the task; Supermicro keeps both", async () => {
    const cases = [
      { vendor: "hpe-ilo5", monitorAfter: 404, taskAfter: 200 },
      { vendor: "lenovo", monitorAfter: 404, taskAfter: 404 },
      { vendor: "supermicro", monitorAfter: 200, taskAfter: 200 },
    ] as const;
    for (const { vendor, monitorAfter, taskAfter } of cases) {
      const bmc = byVendor(vendor);
      const { response, location } = await simpleUpdate(bmc, publish(bmc, "nic", "5.5.5"));
      const taskPath = response.body["@odata.id"];
      expect(taskPath).toMatch(/^\/redfish\/v1\/TaskService\/Tasks\//);
      expect(pathOf(location)).not.toBe(taskPath);
      const running = await bmcClient(bmc).get(pathOf(location));
      expect(running.status).toBe(202);
      await pollUntil(bmc, location, DONE);
      expect((await bmcClient(bmc).get(pathOf(location))).status, `${vendor} monitor`).toBe(monitorAfter);
      expect((await bmcClient(bmc).get(taskPath)).status, `${vendor} task`).toBe(taskAfter);
    }
  });

  it("Dell answers with an iDRAC job, also listed as a Task", async () => {
    const bmc = byVendor("dell");
    const { response, location } = await simpleUpdate(bmc, publish(bmc, "storage_controller", "52.30.0-5000"));
    expect(response.text).toBe("");
    expect(pathOf(location)).toMatch(/^\/redfish\/v1\/Managers\/iDRAC\.Embedded\.1\/Jobs\/JID_\d{12}$/);
    const polled = await pollUntil(bmc, location, DONE);
    expect(polled.last.body).toMatchObject({ "@odata.type": "#DellJob.v1_5_0.DellJob", JobType: "FirmwareUpdate", PercentComplete: 100 });
    expect(polled.last.body.Name).toBe("Firmware Update: PERC H755 Front");
    const jobId = pathOf(location).split("/").at(-1);
    const task = await bmcClient(bmc).get(`/redfish/v1/TaskService/Tasks/${jobId}`);
    expect(task.body).toMatchObject({ Id: jobId, TaskState: "Completed", TaskStatus: "OK" });
    const jobs = await bmcClient(bmc).get("/redfish/v1/Managers/iDRAC.Embedded.1/Jobs");
    expect(jobs.body.Members).toContainEqual({ "@odata.id": pathOf(location) });
  });
});

describe("SimpleUpdate refusals and injected failures", () => {
  it("refuses ImageURIs off the loopback network and malformed requests with 400", async () => {
    const bmc = byVendor("supermicro");
    const client = bmcClient(bmc);
    const offNet = await client.post(bmc.paths.simpleUpdate, { ImageURI: "http://192.0.2.10/bios.bin" });
    expect(offNet.status).toBe(400);
    expect(offNet.body.error["@Message.ExtendedInfo"][0].Message).toContain("not a loopback address");
    const ftp = await client.post(bmc.paths.simpleUpdate, { ImageURI: "ftp://127.0.0.1/bios.bin" });
    expect(ftp.status).toBe(400);
    const badTargets = await client.post(bmc.paths.simpleUpdate, { ImageURI: "http://127.0.0.1/x.bin", Targets: "BIOS" });
    expect(badTargets.status).toBe(400);
    const missing = await client.post(bmc.paths.simpleUpdate, {});
    expect(missing.body.error["@Message.ExtendedInfo"][0].MessageId).toMatch(/\.ActionParameterMissing$/);
    expect(bmc.tasks.filter((task) => task.imageUri.includes("192.0.2.10"))).toEqual([]);
  });

  it("ends tasks in Exception while the failTasks fault is set, and a corrupted image fails verification", async () => {
    const bmc = byVendor("lenovo");
    const before = bmc.firmware.storage_controller;
    bmc.setFaults({ failTasks: "Flash write error at block 42." });
    const { location } = await simpleUpdate(bmc, publish(bmc, "storage_controller", "51.99.0-1"));
    const polled = await pollUntil(bmc, location, DONE);
    expect(polled.last.body.TaskState).toBe("Exception");
    expect(polled.last.body.TaskStatus).toBe("Critical");
    expect(polled.last.body.Messages.map((m: { Message: string }) => m.Message).join(" ")).toContain("Flash write error at block 42.");
    expect(bmc.firmware.storage_controller).toBe(before);
    bmc.setFaults({ failTasks: undefined });

    const good = makeImage({ vendor: "lenovo", type: "nic", version: "1.2.3", models: [], name: "nic" });
    images.add("corrupt.bin", Buffer.concat([good.subarray(0, good.length - 1), Buffer.from([good[good.length - 1] ^ 1])]));
    const corrupt = await simpleUpdate(bmc, images.url("corrupt.bin"));
    const verification = await pollUntil(bmc, corrupt.location, DONE);
    expect(verification.last.body.Messages.map((m: { MessageId: string }) => m.MessageId)).toContain("Update.1.0.VerificationFailed");
  });
});
