import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startFleet, type BmcHandle, type Fleet } from "~/simulator";
import { serveImages, type ImageServer } from "~/simulator/testing/image-server";
import type { VendorKey } from "~/simulator/types";
import { RedfishClient, withBmc } from "./client";
import { confirmVersion, readInstalledVersion } from "./confirm";
import { readFirmwareInventory, readInventory } from "./inventory";
import { linkOf, pathOf } from "./odata";
import { restartHost } from "./power";
import { eventually, hostOn, publishImage, settle, stepOptions, updateRequestFor } from "./testing/updates";
import { prepareUpdate, sendUpdate, startUpdate } from "./update";
import { readUpdateCapabilities } from "./update/capabilities";
import { UpdateRefusedError } from "./update/errors";

let fleet: Fleet;
let images: ImageServer;
const dir = join(tmpdir(), `rackpilot-update-${process.pid}`);
const byVendor = (vendor: VendorKey) => fleet.bmcs.find((bmc) => bmc.vendor === vendor) as BmcHandle;

beforeAll(async () => {
  [fleet, images] = await Promise.all([
    startFleet({ count: 5, vendor: "mixed", base: "127.57.1.1", seed: 57, timings: { taskMs: 150, powerMs: 50, bmcRestartMs: 400 } }),
    serveImages("127.57.1.250"),
  ]);
});
afterAll(() => Promise.all([fleet.stop(), images.stop(), rm(dir, { recursive: true, force: true })]));

const connect = (bmc: BmcHandle) => RedfishClient.connect(stepOptions(fleet, bmc));

describe.each(["dell", "hpe-ilo5", "supermicro", "lenovo"] as const)("%s SimpleUpdate", (vendor) => {
  it.sequential("stages a BIOS until the host restarts, then the new BiosVersion shows", async () => {
    const bmc = byVendor(vendor);
    const before = bmc.firmware.bios!;
    const image = await publishImage(images, dir, bmc, "bios", `${vendor}-bios-2`);
    const client = await connect(bmc);
    try {
      const request = updateRequestFor(bmc, "bios", { ...image, version: `${vendor}-bios-2` });
      const prepared = await prepareUpdate(client, request);
      expect(prepared.plan).toMatchObject({ method: "simple_update", transferProtocol: "HTTP", targets: vendor === "supermicro" ? [bmc.paths.system] : null });
      expect(prepared.snapshot.installedVersion).toBe(before);
      const accepted = await sendUpdate(client, prepared);
      expect(accepted).toMatchObject({ method: "simple_update", status: 202, noTask: false, imageUrl: image.url });
      if (vendor === "dell") expect(accepted.tracker.dellJob?.id).toMatch(/^JID_\d{12}$/);
      else expect(accepted.tracker.task).toMatch(/\/redfish\/v1\/TaskService\/Tasks\/\d+$/);

      const settled = await settle(client, accepted);
      expect(settled.states).toContain("running");
      expect(settled.progress.state).toBe("scheduled");
      expect(await readInstalledVersion(client, request)).toBe(before);

      expect(await restartHost(client, bmc.paths.system, "graceful")).toMatchObject({ resetType: "GracefulRestart", accepted: true, powerOnWhenOff: false });
      await hostOn(client, bmc.paths.system);
      expect(await eventually(async () => ((await readInstalledVersion(client, request)) === before ? undefined : readInstalledVersion(client, request)))).toBe(`${vendor}-bios-2`);
      expect(bmc.flashHistory.filter((entry) => entry.imageUri === image.url)).toMatchObject([{ type: "bios", outcome: "applied" }]);
    } finally {
      await client.close();
    }
  });

  it.sequential("flashes the BMC through its 503 window and dropped sessions, then three good reads confirm it", async () => {
    const bmc = byVendor(vendor);
    const image = await publishImage(images, dir, bmc, "bmc", `${vendor}-bmc-2`);
    const client = await connect(bmc);
    try {
      const sessionsBefore = bmc.sessions.map((session) => session.id);
      const request = updateRequestFor(bmc, "bmc", image);
      const settled = await settle(client, await startUpdate(client, request));
      expect(settled.transient).toBeGreaterThan(0);
      expect(["completed", "gone"]).toContain(settled.progress.state);
      const reading = await confirmVersion(client, request, { reads: 3, intervalMs: 30 });
      expect(reading).toMatchObject({ stable: true, version: `${vendor}-bmc-2`, reads: [`${vendor}-bmc-2`, `${vendor}-bmc-2`, `${vendor}-bmc-2`], error: null });
      expect(bmc.sessions.some((session) => sessionsBefore.includes(session.id))).toBe(false);
    } finally {
      await client.close();
    }
  });

  it.sequential("applies a NIC at once and reads it back from its inventory entry, even one renamed by the update", async () => {
    const bmc = byVendor(vendor);
    const image = await publishImage(images, dir, bmc, "nic", `${vendor}-nic-2`);
    const client = await connect(bmc);
    try {
      const nic = (await readInventory(client)).firmware!.find((entry) => entry.component === "nic")!;
      const request = updateRequestFor(bmc, "nic", image, nic.odataId);
      expect((await settle(client, await startUpdate(client, request))).progress.state).toBe("completed");
      expect(await readInstalledVersion(client, request)).toBe(`${vendor}-nic-2`);
      // iDRAC ids embed the version: the entry read before the update is gone, found again by its stable key.
      if (vendor === "dell") expect(await client.findResource(nic.odataId)).toBeNull();
    } finally {
      await client.close();
    }
  });

  it.sequential("ends a failed task with the BMC's message", async () => {
    const bmc = byVendor(vendor);
    const image = await publishImage(images, dir, bmc, "nic", `${vendor}-nic-3`);
    bmc.setFaults({ failTasks: "Flash write error at block 42 (injected)." });
    const client = await connect(bmc);
    try {
      const settled = await settle(client, await startUpdate(client, updateRequestFor(bmc, "nic", image)));
      expect(settled.progress).toMatchObject({ state: "failed", reason: null });
      expect(settled.progress.message).toContain("Flash write error at block 42 (injected).");
    } finally {
      bmc.setFaults({ failTasks: undefined });
      await client.close();
    }
  });

  it.sequential("names the image URL when the BMC could not download it", async () => {
    const bmc = byVendor(vendor);
    const url = images.url(`${vendor}-missing.bin`);
    const client = await connect(bmc);
    try {
      const settled = await settle(client, await startUpdate(client, updateRequestFor(bmc, "bios", { url })));
      expect(settled.progress).toMatchObject({ state: "failed", reason: "image_unreachable" });
      expect(settled.progress.message).toContain(`The BMC could not download the image from ${url}`);
    } finally {
      await client.close();
    }
  });
});

describe("update capabilities", () => {
  it("look for iLO 4's HPE UpdateService under the manager only on an HPE BMC", async () => {
    for (const vendor of ["dell", "supermicro", "lenovo", "hpe-ilo4"] as const) {
      const bmc = byVendor(vendor);
      await withBmc(stepOptions(fleet, bmc), async (client) => {
        const { managerPath } = updateRequestFor(bmc, "bmc", {});
        const reads = vi.spyOn(client, "findResource");
        const capabilities = await readUpdateCapabilities(client, managerPath);
        const managerReads = reads.mock.calls.filter(([path]) => path === managerPath);
        // iLO 4 offers HPE's own install action, not the DMTF one.
        if (vendor === "hpe-ilo4") expect(capabilities.installFromUri?.target, vendor).toMatch(/\/HpiLOFirmwareUpdate\.InstallFromURI\/$/);
        else expect([capabilities.installFromUri, managerReads.length], vendor).toEqual([null, 0]);
      });
    }
  });

  it("are read fresh for every update, but the ActionInfo and the firmware inventory's link once per client", async () => {
    for (const vendor of ["dell", "supermicro", "lenovo"] as const) {
      const bmc = byVendor(vendor);
      await withBmc(stepOptions(fleet, bmc), async (client) => {
        const { managerPath } = updateRequestFor(bmc, "bmc", {});
        const requests = vi.spyOn(client, "request");
        const first = await readUpdateCapabilities(client, managerPath);
        expect(await readUpdateCapabilities(client, managerPath)).toEqual(first);
        expect((await readFirmwareInventory(client)).systems[0]!.firmware?.length, vendor).toBeGreaterThan(0);
        const reads = requests.mock.calls.filter(([method]) => method === "GET").map(([, path]) => pathOf(path));
        // Twice: the service says whether a push target is claimed (and iLO 5 its flash state).
        expect(reads.filter((path) => path === pathOf(linkOf(client.root, "UpdateService")!)), vendor).toHaveLength(2);
        // Supermicro's SimpleUpdate names its TransferProtocol values in an ActionInfo.
        expect(reads.filter((path) => path.endsWith("ActionInfo")), vendor).toHaveLength(vendor === "supermicro" ? 1 : 0);
      });
    }
  });
});

describe("HPE", () => {
  it("flashes iLO 4 through InstallFromURI, polled through State and ProgressPercent", async () => {
    const bmc = byVendor("hpe-ilo4");
    const image = await publishImage(images, dir, bmc, "bmc", "iLO 4 v2.82");
    const client = await connect(bmc);
    try {
      const request = updateRequestFor(bmc, "bmc", image);
      const prepared = await prepareUpdate(client, request);
      expect(prepared.plan).toMatchObject({ method: "install_from_uri", hpeFlashState: { legacy: true } });
      const accepted = await sendUpdate(client, prepared);
      expect(accepted).toMatchObject({ status: 200, noTask: true, tracker: { hpeUpdateService: { legacy: true } } });
      const busy = await startUpdate(client, request).catch((error: unknown) => error);
      expect(busy).toBeInstanceOf(UpdateRefusedError);
      expect(busy).toMatchObject({ reason: "busy", retryable: true });
      const settled = await settle(client, accepted);
      expect(settled.states).toContain("running");
      expect(settled.progress.state).toBe("completed");
      expect(await eventually(async () => ((await confirmVersion(client, request, { intervalMs: 30 })).stable ? readInstalledVersion(client, request) : undefined))).toBe("iLO 4 v2.82");
    } finally {
      await client.close();
    }
  });

  it("refuses to send iLO 5 a package it would accept and never flash", async () => {
    const bmc = byVendor("hpe-ilo5");
    const image = await publishImage(images, dir, bmc, "bios", "U46 v9.99 (01/01/2030)", "U46_9.99.fwpkg");
    const client = await connect(bmc);
    try {
      const refused = await startUpdate(client, updateRequestFor(bmc, "bios", image)).catch((error: unknown) => error);
      expect(refused).toMatchObject({ reason: "unsupported_image" });
      expect((refused as Error).message).toContain("U46_9.99.fwpkg");
      expect(bmc.flashHistory.some((entry) => entry.imageUri === image.url)).toBe(false);
    } finally {
      await client.close();
    }
  });
});
