import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeImage, type BmcHandle, type FirmwareType, type Fleet } from "~/simulator";
import type { ImageServer } from "~/simulator/testing/image-server";
import { PROFILES } from "~/simulator/vendors";
import type { ClientOptions, RedfishClient } from "../client";
import type { ComponentRef } from "../confirm";
import type { FirmwareComponent } from "../inventory/types";
import { readPowerState } from "../power";
import { sleep } from "../retry";
import { pollUpdate, type UpdateProgress, type UpdateState } from "../tasks";
import { isTransientBmcError } from "../update/errors";
import type { AcceptedUpdate, UpdateRequest } from "../update/types";
import { clientOptionsFor } from "./fleet";

/** Client options as an engine step would use them: few retries, short waits, so a restarting BMC shows as a transient failure. */
export function stepOptions(fleet: Fleet, bmc: BmcHandle): ClientOptions {
  return clientOptionsFor(fleet, bmc, { retries: 1, retryPolicy: { baseDelayMs: 20, maxDelayMs: 100, maxRetryAfterMs: 100 } });
}

export interface PublishedImage {
  url: string;
  file: string;
  name: string;
}

let published = 0;

/** A simulator image for this BMC, served by `images` and written under `dir` (for pushes). */
export async function publishImage(images: ImageServer, dir: string, bmc: BmcHandle, type: FirmwareType, version: string, name?: string): Promise<PublishedImage> {
  const fileName = name ?? `image-${++published}-${type}.bin`;
  const image = makeImage({ vendor: PROFILES[bmc.vendor].family, type, version, models: [bmc.model], name: `${type} ${version}` });
  images.add(fileName, image);
  await mkdir(dir, { recursive: true });
  const file = join(dir, fileName);
  await writeFile(file, image);
  return { url: images.url(fileName), file, name: fileName };
}

const COMPONENT: Partial<Record<FirmwareType, FirmwareComponent>> = { bios: "bios", bmc: "bmc", nic: "nic", storage_controller: "storage_controller" };

/** The request (and component reference) for one simulated BMC's component. */
export function updateRequestFor(bmc: BmcHandle, type: FirmwareType, image: Partial<PublishedImage> & { version?: string }, inventoryId?: string): UpdateRequest & ComponentRef {
  return {
    component: COMPONENT[type] ?? "other",
    systemPath: bmc.paths.system,
    managerPath: bmc.paths.manager,
    inventoryId: inventoryId ?? null,
    image: { url: image.url ?? null, file: image.file ?? null, name: image.name ?? null, version: image.version ?? null },
  };
}

export interface Settled {
  progress: UpdateProgress;
  /** Each state seen, in order, without repeats. */
  states: UpdateState[];
  /** Polls that failed transiently (a BMC restarting after flashing itself). */
  transient: number;
  accepted: AcceptedUpdate;
}

/** Polls as an engine would, every `intervalMs`, until the update is no longer running. */
export async function settle(client: RedfishClient, accepted: AcceptedUpdate, timeoutMs = 15_000, intervalMs = 40): Promise<Settled> {
  const deadline = Date.now() + timeoutMs;
  const states: UpdateState[] = [];
  let transient = 0;
  let current = accepted;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`update still ${states.at(-1) ?? "unpolled"} after ${timeoutMs} ms`);
    try {
      const progress = await pollUpdate(client, current);
      if (progress.tracker) current = { ...current, tracker: progress.tracker };
      if (states.at(-1) !== progress.state) states.push(progress.state);
      if (progress.state !== "running") return { progress, states, transient, accepted: current };
    } catch (error) {
      if (!isTransientBmcError(error)) throw error;
      transient++;
    }
    await sleep(intervalMs);
  }
}

/** Waits until `read` gives a value (transient BMC failures are waited out). */
export async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 10_000, intervalMs = 40): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await read();
      if (value !== undefined) return value;
    } catch (error) {
      if (!isTransientBmcError(error)) throw error;
    }
    if (Date.now() > deadline) throw new Error(`nothing after ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

/** Waits for the host to be `On`. */
export function hostOn(client: RedfishClient, systemPath: string): Promise<true> {
  return eventually(async () => ((await readPowerState(client, systemPath)) === "On" ? true : undefined));
}
