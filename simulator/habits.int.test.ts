import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleet, type BmcHandle, type Fleet, type FirmwareType } from "./index";
import { bmcClient, login, pathOf, waitFor } from "./testing/client";
import { serveImages, type ImageServer } from "./testing/image-server";
import { pollUntil } from "./testing/monitor";
import { imageFor, pushTo } from "./testing/push";

let fleet: Fleet;
let images: ImageServer;
const DONE = ["Completed", "Exception", "Failed"];

beforeAll(async () => {
  [fleet, images] = await Promise.all([
    startFleet({
      base: "127.51.22.1",
      seed: 22,
      timings: { taskMs: 300, powerMs: 50, bmcRestartMs: 300 },
      bmcs: [
        { vendor: "dell" },
        { vendor: "dell", habits: { alreadyPresent: false, tasksPurgedEarly: true } },
        { vendor: "supermicro", habits: { unlicensed: true } },
        { vendor: "hpe-ilo5" },
        { vendor: "lenovo", habits: { inventoryLagMs: 1500, dropSessionsOnReset: false } },
        { vendor: "lenovo", habits: { tasksPurgedEarly: true } },
      ],
    }),
    serveImages("127.51.22.250"),
  ]);
});
afterAll(() => Promise.all([fleet.stop(), images.stop()]));

const bmcAt = (index: number) => fleet.bmcs[index];
let served = 0;
function publish(bmc: BmcHandle, type: FirmwareType, version: string, extension = "bin"): string {
  const name = `habit-${++served}.${extension}`;
  images.add(name, imageFor(bmc, type, version));
  return images.url(name);
}
const simpleUpdate = (bmc: BmcHandle, body: Record<string, unknown>) => bmcClient(bmc).post(bmc.paths.simpleUpdate, body);
const messagesOf = (body: { Messages: { Message: string }[] }) => body.Messages.map((message) => message.Message).join(" ");

describe("Dell: an image of the installed version", () => {
  it("completes as 'already present' and applies nothing, unless ForceUpdate re-flashes it", async () => {
    const bmc = bmcAt(0);
    const installed = bmc.firmware.nic!;
    const same = await simpleUpdate(bmc, { ImageURI: publish(bmc, "nic", installed) });
    expect(same.status).toBe(202);
    const job = await pollUntil(bmc, String(same.headers.location), DONE);
    expect(job.last.body).toMatchObject({ JobState: "Completed", MessageId: "IDRAC.2.8.SUP029", Message: expect.stringContaining("already present") });
    expect(bmc.flashHistory.at(-1)).toMatchObject({ outcome: "already_present", fromVersion: installed, toVersion: installed, force: false });

    const forced = await simpleUpdate(bmc, { ImageURI: publish(bmc, "nic", installed), ForceUpdate: true });
    const flashed = await pollUntil(bmc, String(forced.headers.location), DONE);
    expect(flashed.last.body).toMatchObject({ JobState: "Completed", Message: "Job completed successfully." });
    expect(bmc.flashHistory.at(-1)).toMatchObject({ outcome: "applied", fromVersion: installed, toVersion: installed, force: true });
    expect((await simpleUpdate(bmc, { ImageURI: publish(bmc, "nic", "1.0"), ForceUpdate: "yes" })).status).toBe(400);
  });

  it("re-flashes the same version when the habit is off, and its purged task leaves only the job to read", async () => {
    const bmc = bmcAt(1);
    const installed = bmc.firmware.nic!;
    const accepted = await simpleUpdate(bmc, { ImageURI: publish(bmc, "nic", installed) });
    const jobId = pathOf(String(accepted.headers.location)).split("/").at(-1);
    const client = bmcClient(bmc);
    expect((await client.get(`/redfish/v1/TaskService/Tasks/${jobId}`)).status).toBe(404);
    expect((await client.get("/redfish/v1/TaskService/Tasks")).body.Members).toEqual([]);
    expect((await client.get("/redfish/v1/Managers/iDRAC.Embedded.1/Jobs")).body.Members).toEqual([{ "@odata.id": pathOf(String(accepted.headers.location)) }]);
    const job = await pollUntil(bmc, String(accepted.headers.location), DONE);
    expect(job.last.body.Message).toBe("Job completed successfully.");
    expect(bmc.flashHistory).toEqual([expect.objectContaining({ outcome: "applied", fromVersion: installed, toVersion: installed, force: false })]);
  });
});

describe("tasks purged before the first poll", () => {
  it("XCC: the monitor and the task are gone at once, the flash still happens", async () => {
    const bmc = bmcAt(5);
    const accepted = await simpleUpdate(bmc, { ImageURI: publish(bmc, "nic", "229.9.9.9") });
    expect(accepted.status).toBe(202);
    const client = bmcClient(bmc);
    expect((await client.get(pathOf(String(accepted.headers.location)))).status).toBe(404);
    expect((await client.get(accepted.body["@odata.id"])).status).toBe(404);
    await waitFor(async () => (bmc.firmware.nic === "229.9.9.9" ? true : undefined));
    expect(bmc.flashHistory.at(-1)).toMatchObject({ outcome: "applied" });
  });
});

describe("Supermicro without its licence", () => {
  it("answers 403 'Not licensed' to BIOS and BMC updates and takes the rest", async () => {
    const bmc = bmcAt(2);
    const bios = publish(bmc, "bios", "1.9");
    for (const target of [bmc.paths.system, `${bmc.paths.system}/Bios`, bmc.paths.manager]) {
      const refused = await simpleUpdate(bmc, { ImageURI: bios, Targets: [target] });
      expect(refused.status, target).toBe(403);
      expect(refused.body.error["@Message.ExtendedInfo"][0]).toMatchObject({
        MessageId: expect.stringMatching(/OemLicenseNotPassed$/),
        Message: "Not licensed to perform this request. The following licenses SUM DCMS OOB were needed",
      });
    }
    const upload = await pushTo(bmc, "/redfish/v1/UpdateService/upload", { "@Redfish.OperationApplyTime": "OnStartUpdateRequest" }, imageFor(bmc, "bmc", "01.09.01"), "BMC.bin");
    expect(upload.status).toBe(403);
    expect(bmc.flashHistory).toEqual([]);

    const nic = await simpleUpdate(bmc, { ImageURI: publish(bmc, "nic", "9.10"), Targets: ["/redfish/v1/UpdateService/FirmwareInventory/NIC.0"] });
    expect(nic.status).toBe(202);
    await pollUntil(bmc, String(nic.headers.location), DONE);
    expect(bmc.firmware.nic).toBe("9.10");

    // Without Targets the BMC only learns what the image is once it has it: the task fails.
    const untargeted = await simpleUpdate(bmc, { ImageURI: bios });
    const failed = await pollUntil(bmc, String(untargeted.headers.location), DONE);
    expect(failed.last.body.TaskState).toBe("Exception");
    expect(messagesOf(failed.last.body)).toContain("Not licensed");
    expect(bmc.flashHistory.map((entry) => entry.outcome)).toEqual(["applied", "failed"]);
  });
});

describe("iLO 5 and firmware packages", () => {
  it("answers 200 to a .fwpkg and never flashes it; the event log alone says so", async () => {
    const bmc = bmcAt(3);
    const before = bmc.firmware;
    const uri = publish(bmc, "bios", "U46 v9.99 (01/01/2030)", "fwpkg");
    const answer = await simpleUpdate(bmc, { ImageURI: uri });
    expect(answer.status).toBe(200);
    expect(answer.headers.location).toBeUndefined();
    expect(answer.body.error["@Message.ExtendedInfo"][0].MessageId).toMatch(/\.Success$/);
    expect(images.requests).not.toContain(pathOf(uri));
    expect(bmc.tasks).toEqual([]);
    expect(bmc.flashHistory).toEqual([expect.objectContaining({ outcome: "ignored", imageUri: uri, imageName: uri.split("/").at(-1) })]);
    expect(bmc.flashHistory[0].type).toBeUndefined();
    const log = await bmcClient(bmc).get(`${bmc.paths.logServices}/IEL/Entries`);
    expect(JSON.stringify(log.body.Members)).toContain("did not flash it");
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(bmc.firmware).toEqual(before);
  });

  it("re-flashes the version it runs (no 'already present' check), and stages an OnReset NIC until the host restarts", async () => {
    const bmc = bmcAt(3);
    const nic = bmc.firmware.nic!;
    const same = await simpleUpdate(bmc, { ImageURI: publish(bmc, "nic", nic) });
    await pollUntil(bmc, String(same.headers.location), DONE);
    expect(bmc.flashHistory.at(-1)).toMatchObject({ outcome: "applied", fromVersion: nic, toVersion: nic });

    const staged = await simpleUpdate(bmc, { ImageURI: publish(bmc, "nic", "14.99.1"), "@Redfish.OperationApplyTime": "OnReset" });
    const task = await pollUntil(bmc, String(staged.headers.location), DONE);
    expect(task.last.body.TaskState).toBe("Completed");
    expect(bmc.pendingFirmware).toEqual({ nic: "14.99.1" });
    expect(bmc.flashHistory.at(-1)).toMatchObject({ outcome: "pending_reset", applyTime: "OnReset", finishedAt: undefined });
    await bmcClient(bmc).post(bmc.paths.reset, { ResetType: "ForceRestart" });
    await waitFor(async () => (bmc.firmware.nic === "14.99.1" && bmc.powerState === "On" ? true : undefined));
    expect(bmc.flashHistory.at(-1)).toMatchObject({ outcome: "applied" });
  });
});

describe("after a flash, and after a BMC reset", () => {
  it("shows the new version only once the inventory lag has passed", async () => {
    const bmc = bmcAt(4);
    const before = bmc.firmware.nic;
    const accepted = await simpleUpdate(bmc, { ImageURI: publish(bmc, "nic", "230.1.1.1") });
    expect(accepted.status).toBe(202);
    await waitFor(async () => (bmc.firmware.nic === "230.1.1.1" ? true : undefined));
    const nicVersion = async () => (await bmcClient(bmc).get("/redfish/v1/UpdateService/FirmwareInventory/OB_1.Bundle")).body.Version;
    expect(await nicVersion()).toBe(before);
    await waitFor(async () => ((await nicVersion()) === "230.1.1.1" ? true : undefined), 5000);
  });

  it("drops every session on a BMC reset, unless the habit is off", async () => {
    const dropping = bmcAt(0);
    const keeping = bmcAt(4);
    const [dropped, kept] = await Promise.all([login(dropping), login(keeping)]);
    for (const bmc of [dropping, keeping]) await bmcClient(bmc).post(bmc.paths.managerReset, { ResetType: "GracefulRestart" });
    await waitFor(async () => (dropping.restarting || keeping.restarting ? undefined : true));
    expect((await bmcClient(dropping).get(dropping.paths.system, { token: dropped.token })).status).toBe(401);
    expect((await bmcClient(keeping).get(keeping.paths.system, { token: kept.token })).status).toBe(200);
  });
});

describe("habits in the config", () => {
  it("refuses a habit asked of a profile that lacks it, and gives fleet-wide ones only to the profiles that have them", async () => {
    await expect(startFleet({ base: "127.51.22.60", vendor: "hpe-ilo4", habits: { tasksPurgedEarly: true } })).rejects.toThrow(
      /hpe-ilo4 has no tasksPurgedEarly habit/,
    );
    await expect(startFleet({ base: "127.51.22.60", vendor: "dell", habits: { pushClaim: false } })).rejects.toThrow(/dell has no pushClaim habit/);
    const mixed = await startFleet({ base: "127.51.22.61", count: 5, vendor: "mixed", habits: { unlicensed: true, inventoryLagMs: 5 } });
    try {
      expect(mixed.bmcs.map((bmc) => [bmc.vendor, bmc.habits.unlicensed ?? null, bmc.habits.inventoryLagMs])).toEqual([
        ["dell", null, 5],
        ["hpe-ilo5", null, 5],
        ["hpe-ilo4", null, 5],
        ["supermicro", true, 5],
        ["lenovo", null, 5],
      ]);
    } finally {
      await mixed.stop();
    }
  });
});
