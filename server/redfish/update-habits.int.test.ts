/**
 * The update habits of real BMC families, as the simulator plays them: pushes (Dell multipart,
 * Supermicro's two phases, OpenBMC), Lenovo's push claim, purged tasks, Dell's "already present",
 * Supermicro's licence, iLO 5's silent package, OpenBMC's host-off BIOS.
 */
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleet, type BmcHandle, type Fleet } from "~/simulator";
import { serveImages, type ImageServer } from "~/simulator/testing/image-server";
import { RedfishClient, withBmc } from "./client";
import { confirmVersion, readInstalledVersion } from "./confirm";
import { readInventory } from "./inventory";
import { powerOn, readPowerState, restartHost, shutDownHost } from "./power";
import { findAcceptedUpdate } from "./recovery";
import { pollUpdate } from "./tasks";
import { eventually, hostOn, publishImage, settle, stepOptions, updateRequestFor } from "./testing/updates";
import { prepareUpdate, sendUpdate, startUpdate } from "./update";
import { sleep } from "./retry";

let fleet: Fleet;
let images: ImageServer;
const dir = join(tmpdir(), `rackpilot-habits-${process.pid}`);
const TASK_MS = 150;

beforeAll(async () => {
  [fleet, images] = await Promise.all([
    startFleet({
      base: "127.57.7.1",
      seed: 60,
      timings: { taskMs: TASK_MS, powerMs: 50, bmcRestartMs: 400 },
      bmcs: [
        { vendor: "dell" },
        { vendor: "supermicro" },
        { vendor: "supermicro", habits: { unlicensed: true } },
        { vendor: "openbmc" },
        { vendor: "lenovo" },
        { vendor: "hpe-ilo5" },
        { vendor: "lenovo", habits: { tasksPurgedEarly: true } },
        { vendor: "dell", habits: { tasksPurgedEarly: true } },
        { vendor: "supermicro", habits: { inventoryLagMs: 2000 } },
      ],
    }),
    serveImages("127.57.7.250"),
  ]);
});
afterAll(() => Promise.all([fleet.stop(), images.stop(), rm(dir, { recursive: true, force: true })]));

const connect = (bmc: BmcHandle) => RedfishClient.connect(stepOptions(fleet, bmc));
const using = <T>(bmc: BmcHandle, work: (client: RedfishClient) => Promise<T>) => withBmc(stepOptions(fleet, bmc), work);

const nicEntry = async (client: RedfishClient) => (await readInventory(client)).firmware!.find((entry) => entry.component === "nic")!.odataId;
const pushOnly = (image: { file: string; name: string }) => ({ file: image.file, name: image.name });

describe("pushes", () => {
  it("pushes to iDRAC's MultipartHttpPushUri and follows the job from Location", () =>
    using(fleet.bmcs[0], async (client) => {
      const bmc = fleet.bmcs[0];
      const image = await publishImage(images, dir, bmc, "nic", "dell-nic-push");
      const request = updateRequestFor(bmc, "nic", pushOnly(image), await nicEntry(client));
      const prepared = await prepareUpdate(client, request);
      expect(prepared.plan).toMatchObject({ method: "multipart_push", target: "/redfish/v1/UpdateService/MultipartUpload", targets: [] });
      const accepted = await sendUpdate(client, prepared);
      expect(accepted.tracker.dellJob?.id).toMatch(/^JID_\d+$/);
      expect((await settle(client, accepted)).progress.state).toBe("completed");
      expect(await readInstalledVersion(client, request)).toBe("dell-nic-push");
    }));

  it("pushes to Supermicro in two phases: upload and verify, then StartUpdate", () =>
    using(fleet.bmcs[1], async (client) => {
      const bmc = fleet.bmcs[1];
      const image = await publishImage(images, dir, bmc, "bios", "smc-bios-push");
      const request = updateRequestFor(bmc, "bios", pushOnly(image));
      const prepared = await prepareUpdate(client, request);
      expect(prepared.plan).toMatchObject({ method: "multipart_push", target: "/redfish/v1/UpdateService/upload", targets: [`${bmc.paths.system}/Bios`] });
      expect(prepared.plan.startUpdateTarget).toMatch(/UpdateService\.StartUpdate$/);
      const accepted = await sendUpdate(client, prepared);
      expect(accepted.tracker.task).toMatch(/\/TaskService\/Tasks\/\d+$/);
      expect((await client.getResource(accepted.tracker.task!)).Name).toBe("BIOS Update");
      expect((await settle(client, accepted)).progress.state).toBe("scheduled");
      await restartHost(client, bmc.paths.system, "graceful");
      await hostOn(client, bmc.paths.system);
      expect(await eventually(async () => ((await readInstalledVersion(client, request)) === "smc-bios-push" ? true : undefined))).toBe(true);
      expect(bmc.flashHistory.filter((entry) => entry.toVersion === "smc-bios-push")).toHaveLength(1);
    }));

  it("pushes to OpenBMC after setting its global apply time, with the host off for a BIOS", () =>
    using(fleet.bmcs[3], async (client) => {
      const bmc = fleet.bmcs[3];
      const image = await publishImage(images, dir, bmc, "bios", "obmc-bios-2");
      const request = { ...updateRequestFor(bmc, "bios", { ...image, version: "obmc-bios-2" }), applyTime: "OnReset" as const };
      const prepared = await prepareUpdate(client, request);
      expect(prepared.plan).toMatchObject({ method: "multipart_push", hostOffFirst: true, pushApplyTime: "OnReset" });
      expect(await shutDownHost(client, bmc.paths.system, "graceful")).toMatchObject({ resetType: "GracefulShutdown", accepted: true });
      await eventually(async () => ((await readPowerState(client, bmc.paths.system)) === "Off" ? true : undefined));
      const settled = await settle(client, await sendUpdate(client, prepared));
      expect(settled.progress.state).toBe("scheduled");
      expect(await client.getResource(prepared.plan.updateService)).toMatchObject({ HttpPushUriOptions: { HttpPushUriApplyTime: { ApplyTime: "OnReset" } } });
      await powerOn(client, bmc.paths.system);
      await hostOn(client, bmc.paths.system);
      expect(await eventually(async () => ((await readInstalledVersion(client, request)) === "obmc-bios-2" ? true : undefined))).toBe(true);

      const again = await startUpdate(client, updateRequestFor(bmc, "bios", image)).catch((error: unknown) => error);
      expect(again).toMatchObject({ kind: "update_refused", reason: "already_present" });
    }));
});

describe("Lenovo's push claim", () => {
  it("claims HttpPushUriTargetsBusy for a push, refuses a second pusher meanwhile, and releases it when the update is over", async () => {
    const bmc = fleet.bmcs[4];
    const [first, second] = await Promise.all([connect(bmc), connect(bmc)]);
    try {
      const image = await publishImage(images, dir, bmc, "nic", "xcc-nic-push");
      const request = updateRequestFor(bmc, "nic", pushOnly(image), await nicEntry(first));
      const accepted = await startUpdate(first, request);
      expect(accepted.claim).toEqual({ updateService: "/redfish/v1/UpdateService", targets: [request.inventoryId] });
      expect((await first.getResource("/redfish/v1/UpdateService")).HttpPushUriTargetsBusy).toBe(true);
      const refused = await startUpdate(second, request).catch((error: unknown) => error);
      expect(refused).toMatchObject({ reason: "busy" });
      expect((await settle(first, accepted)).progress.state).toBe("completed");
      expect((await first.getResource("/redfish/v1/UpdateService")).HttpPushUriTargetsBusy).toBe(false);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it("releases a claim left by a send that crashed before pushing, then sends", async () => {
    const bmc = fleet.bmcs[4];
    const crashed = await connect(bmc);
    try {
      const image = await publishImage(images, dir, bmc, "nic", "xcc-nic-crash");
      const request = updateRequestFor(bmc, "nic", { ...pushOnly(image), version: "xcc-nic-crash" }, await nicEntry(crashed));
      const prepared = await prepareUpdate(crashed, request);
      // The dead worker's session still holds the claim (it never logged out).
      await crashed.patch(prepared.plan.updateService, { HttpPushUriTargetsBusy: true, HttpPushUriTargets: prepared.plan.claimTargets });
      const recovery = await using(bmc, (client) => findAcceptedUpdate(client, prepared));
      expect(recovery).toEqual({ kind: "not_accepted", releasedClaim: true });
      const settled = await using(bmc, async (client) => settle(client, await sendUpdate(client, prepared)));
      expect(settled.progress.state).toBe("completed");
    } finally {
      await crashed.close();
    }
  });
});

describe("habits", () => {
  it("reports Dell's already-present package, and re-flashes it when forced", () =>
    using(fleet.bmcs[0], async (client) => {
      const bmc = fleet.bmcs[0];
      const installed = bmc.firmware.nic!;
      const image = await publishImage(images, dir, bmc, "nic", installed);
      const request = updateRequestFor(bmc, "nic", image, await nicEntry(client));
      const present = await settle(client, await startUpdate(client, request));
      expect(present.progress.state).toBe("already_present");
      expect(present.progress.message).toMatch(/already present/);
      expect((await settle(client, await startUpdate(client, { ...request, force: true }))).progress.state).toBe("completed");
      expect(bmc.flashHistory.filter((entry) => entry.imageUri === image.url).map((entry) => entry.outcome)).toEqual(["already_present", "applied"]);
    }));

  it("types Supermicro's licence refusal", () =>
    using(fleet.bmcs[2], async (client) => {
      const bmc = fleet.bmcs[2];
      const image = await publishImage(images, dir, bmc, "bios", "smc-unlicensed");
      for (const given of [image, pushOnly(image)]) {
        const refused = await startUpdate(client, updateRequestFor(bmc, "bios", given)).catch((error: unknown) => error);
        expect(refused).toMatchObject({ kind: "update_refused", reason: "licence_required", status: 403 });
      }
    }));

  it("notices iLO 5's silent no-op on a package its name did not reveal: no task, and the version never changes", () =>
    using(fleet.bmcs[5], async (client) => {
      const bmc = fleet.bmcs[5];
      const before = bmc.firmware.bios;
      const image = await publishImage(images, dir, bmc, "bios", "U46 v9.99 (01/01/2030)", "U46_9.99.fwpkg");
      const accepted = await startUpdate(client, updateRequestFor(bmc, "bios", { url: image.url, name: "U46_9.99.bin" }));
      expect(accepted).toMatchObject({ status: 200, noTask: true });
      await sleep(TASK_MS * 3);
      expect(await pollUpdate(client, accepted)).toMatchObject({ state: "unknown" });
      await restartHost(client, bmc.paths.system, "graceful");
      await hostOn(client, bmc.paths.system);
      expect(await readInstalledVersion(client, updateRequestFor(bmc, "bios", {}))).toBe(before);
      expect(bmc.flashHistory.filter((entry) => entry.imageUri === image.url)).toMatchObject([{ outcome: "ignored" }]);
    }));

  it.each([6, 7])("says gone for a purged task, except where Dell keeps the job (BMC %i)", (index) =>
    using(fleet.bmcs[index], async (client) => {
      const bmc = fleet.bmcs[index];
      const image = await publishImage(images, dir, bmc, "nic", `purged-${index}`);
      const request = updateRequestFor(bmc, "nic", image, await nicEntry(client));
      const settled = await settle(client, await startUpdate(client, request));
      expect(settled.progress.state).toBe(bmc.vendor === "dell" ? "completed" : "gone");
      expect(await eventually(async () => ((await readInstalledVersion(client, request)) === `purged-${index}` ? true : undefined))).toBe(true);
    }),
  );

  it("reads the old version, steadily, while the inventory lags behind a finished flash", () =>
    using(fleet.bmcs[8], async (client) => {
      const bmc = fleet.bmcs[8];
      const before = bmc.firmware.bmc;
      const request = updateRequestFor(bmc, "bmc", await publishImage(images, dir, bmc, "bmc", "smc-bmc-lag"));
      expect((await settle(client, await startUpdate(client, request))).progress.state).toBe("completed");
      // Stable is not enough: the engine waits for a stable reading that differs from the snapshot's.
      expect(await eventually(async () => {
        const reading = await confirmVersion(client, request, { intervalMs: 20 });
        return reading.stable ? reading : undefined;
      })).toMatchObject({ stable: true, version: before });
      const changed = await eventually(async () => {
        const reading = await confirmVersion(client, request, { intervalMs: 20 });
        return reading.stable && reading.version !== before ? reading.version : undefined;
      });
      expect(changed).toBe("smc-bmc-lag");
    }));
});
