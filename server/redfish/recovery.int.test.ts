import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleet, type BmcHandle, type Fleet } from "~/simulator";
import { serveImages, type ImageServer } from "~/simulator/testing/image-server";
import type { VendorKey } from "~/simulator/types";
import { withBmc, type RedfishClient } from "./client";
import { readInventory } from "./inventory";
import { findAcceptedUpdate } from "./recovery";
import { eventually, publishImage, settle, stepOptions, updateRequestFor } from "./testing/updates";
import { prepareUpdate, sendUpdate } from "./update";
import { clearDellJobQueue } from "./vendors/dell-jobs";

let fleet: Fleet;
let images: ImageServer;
const dir = join(tmpdir(), `rackpilot-recovery-${process.pid}`);
const byVendor = (vendor: VendorKey) => fleet.bmcs.find((bmc) => bmc.vendor === vendor) as BmcHandle;

beforeAll(async () => {
  [fleet, images] = await Promise.all([
    startFleet({ count: 5, vendor: "mixed", base: "127.57.2.1", seed: 58, timings: { taskMs: 150, powerMs: 50, bmcRestartMs: 400 } }),
    serveImages("127.57.2.250"),
  ]);
});
afterAll(() => Promise.all([fleet.stop(), images.stop(), rm(dir, { recursive: true, force: true })]));

/** Each engine step is its own job: a new client, logged out at the end. */
const step = <T>(bmc: BmcHandle, work: (client: RedfishClient) => Promise<T>) => withBmc(stepOptions(fleet, bmc), work);

describe.each(["dell", "hpe-ilo5", "hpe-ilo4", "supermicro", "lenovo"] as const)("%s: a crash between sending and recording", (vendor) => {
  it.sequential("finds the update the BMC accepted, follows it to its end, and it was flashed once", async () => {
    const bmc = byVendor(vendor);
    const version = `${vendor}-bios-9`;
    const image = await publishImage(images, dir, bmc, "bios", version);
    const request = updateRequestFor(bmc, "bios", { ...image, version });
    const prepared = await step(bmc, (client) => prepareUpdate(client, request));
    // The worker sends, then dies before storing the answer.
    await step(bmc, (client) => sendUpdate(client, prepared));

    const recovery = await step(bmc, (client) => findAcceptedUpdate(client, prepared));
    if (recovery.kind !== "accepted") throw new Error(`expected the update to be found, got ${JSON.stringify(recovery)}`);
    if (vendor === "dell") expect(recovery.accepted.tracker.dellJob?.id).toMatch(/^JID_/);
    else expect(recovery.accepted.tracker.task).toMatch(/\/Tasks\/\d+\/?$/);
    const settled = await step(bmc, (client) => settle(client, recovery.accepted));
    // Staged until the host restarts (the simulated iLO 4 lists its InstallFromURI task too).
    expect(settled.progress.state).toBe("scheduled");
    expect(bmc.flashHistory.filter((entry) => entry.imageUri === image.url)).toHaveLength(1);
    expect(bmc.pendingFirmware.bios).toBe(version);
  });

  it.sequential("says not accepted when the send never reached the BMC", async () => {
    const bmc = byVendor(vendor);
    const image = await publishImage(images, dir, bmc, "bmc", `${vendor}-bmc-never`);
    const request = updateRequestFor(bmc, "bmc", { ...image, version: `${vendor}-bmc-never` });
    const prepared = await step(bmc, (client) => prepareUpdate(client, request));
    expect(prepared.snapshot.installedVersion).toBe(bmc.firmware.bmc);
    expect(await step(bmc, (client) => findAcceptedUpdate(client, prepared))).toEqual({ kind: "not_accepted", releasedClaim: false });
    // A version the caller read just before is noted as given, not read again.
    expect((await step(bmc, (client) => prepareUpdate(client, request, { installed: { version: "read just before" } }))).snapshot.installedVersion).toBe("read just before");
    expect(bmc.flashHistory.some((entry) => entry.imageUri === image.url)).toBe(false);
  });
});

it("dell: a snapshot given the queue the pre-step listed reads no list, and a recovery still finds the job the update made", async () => {
  const bmc = byVendor("dell");
  const version = "dell-bmc-listed";
  const image = await publishImage(images, dir, bmc, "bmc", version);
  const request = updateRequestFor(bmc, "bmc", { ...image, version });
  const { listed } = await step(bmc, (client) => clearDellJobQueue(client, request.managerPath));
  // The BIOS staged above waits for a restart: it stays queued.
  expect(listed?.length).toBeGreaterThan(0);
  // A job deleted after the listing (its id is never used again) may stay in the list: the snapshot holds what it is given.
  const deleted = `${request.managerPath}/Jobs/JID_000000000001`;
  const prepared = await step(bmc, (client) => prepareUpdate(client, request, { dellJobs: [...listed!, deleted] }));
  expect(prepared.snapshot.taskIds.filter((id) => id.includes("/Jobs/")).sort()).toEqual([...listed!, deleted].sort());
  await step(bmc, (client) => sendUpdate(client, prepared));

  const recovery = await step(bmc, (client) => findAcceptedUpdate(client, prepared));
  if (recovery.kind !== "accepted") throw new Error(`expected the update to be found, got ${JSON.stringify(recovery)}`);
  const job = recovery.accepted.tracker.dellJob!.id;
  expect(listed!.some((id) => id.endsWith(`/${job}`))).toBe(false);
  expect(bmc.flashHistory.filter((entry) => entry.imageUri === image.url)).toHaveLength(1);
});

it("says installed when the new version already runs", async () => {
  const bmc = byVendor("supermicro");
  const version = "smc-nic-9";
  const image = await publishImage(images, dir, bmc, "nic", version);
  const nic = (await step(bmc, readInventory)).firmware!.find((entry) => entry.component === "nic")!;
  const request = updateRequestFor(bmc, "nic", { ...image, version }, nic.odataId);
  const prepared = await step(bmc, (client) => prepareUpdate(client, request));
  await step(bmc, (client) => sendUpdate(client, prepared));
  await eventually(async () => (bmc.firmware.nic === version ? true : undefined));
  expect(await step(bmc, (client) => findAcceptedUpdate(client, prepared))).toEqual({ kind: "installed", version });
});
