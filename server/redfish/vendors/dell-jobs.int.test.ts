import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startFleet, type Fleet } from "~/simulator";
import { serveImages, type ImageServer } from "~/simulator/testing/image-server";
import { withBmc } from "../client";
import { clientOptionsFor } from "../testing/fleet";
import { publishImage, settle, updateRequestFor } from "../testing/updates";
import { startUpdate } from "../update";
import { clearDellJobQueue, readDellJobQueue } from "./dell-jobs";

let fleet: Fleet;
let images: ImageServer;
const dir = join(tmpdir(), `rackpilot-dell-jobs-${process.pid}`);

beforeAll(async () => {
  [fleet, images] = await Promise.all([
    startFleet({ count: 1, vendor: "dell", base: "127.57.3.1", seed: 59, timings: { taskMs: 100, powerMs: 50, bmcRestartMs: 300 } }),
    serveImages("127.57.3.250"),
  ]);
});
afterAll(() => Promise.all([fleet.stop(), images.stop(), rm(dir, { recursive: true, force: true })]));

it("clears finished jobs from the iDRAC queue through DeleteJobQueue, and never a job still to run", async () => {
  const [bmc] = fleet.bmcs;
  await withBmc(clientOptionsFor(fleet, bmc), async (client) => {
    const run = async (type: "nic" | "bios", version: string) => {
      const accepted = await startUpdate(client, updateRequestFor(bmc, type, await publishImage(images, dir, bmc, type, version)));
      return { id: accepted.tracker.dellJob!.id, state: (await settle(client, accepted)).progress.state };
    };
    const done = await run("nic", "22.1.0");
    bmc.setFaults({ failTasks: true });
    const failed = await run("nic", "22.2.0");
    bmc.clearFaults();
    const staged = await run("bios", "9.9.9");
    expect([done.state, failed.state, staged.state]).toEqual(["completed", "failed", "scheduled"]);

    const queue = await readDellJobQueue(client, bmc.paths.manager);
    expect(queue!.map((job) => [job.id, job.state])).toEqual([
      [done.id, "Completed"],
      [failed.id, "Failed"],
      [staged.id, "Scheduled"],
    ]);
    const cleanup = await clearDellJobQueue(client, bmc.paths.manager);
    expect(cleanup.deleted).toEqual([done.id, failed.id]);
    expect(cleanup.active.map((job) => [job.id, job.state, job.message])).toEqual([[staged.id, "Scheduled", "Task successfully scheduled."]]);
    expect((await readDellJobQueue(client, bmc.paths.manager))!.map((job) => job.id)).toEqual([staged.id]);
    expect(await clearDellJobQueue(client, bmc.paths.manager)).toMatchObject({ deleted: [], active: [{ id: staged.id }] });
  });
});

it("says a manager without a job queue is not an iDRAC", async () => {
  const [bmc] = fleet.bmcs;
  await withBmc(clientOptionsFor(fleet, bmc), async (client) => {
    expect(await readDellJobQueue(client, "/redfish/v1/Managers/NotThere")).toBeNull();
    await expect(clearDellJobQueue(client, "/redfish/v1/Managers/NotThere")).rejects.toThrow(/has no job queue/);
  });
});
