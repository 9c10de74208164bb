import { makeImage } from "../image";
import type { BmcHandle } from "../fleet";
import type { FirmwareType } from "../types";
import { PROFILES } from "../vendors";
import { bmcClient, waitFor } from "./client";
import type { ImageServer } from "./image-server";
import { pollUntil } from "./monitor";

/**
 * Flashes `version` of `type` through SimpleUpdate, as an operator with an image made by
 * `make-image --version` would, and waits until the BMC runs it (a BIOS needs a power cycle).
 */
export async function flash(bmc: BmcHandle, images: ImageServer, type: FirmwareType, version: string): Promise<void> {
  const name = `${bmc.address}-${type}-${version}.bin`.replace(/[^\w.-]/g, "_");
  images.add(name, makeImage({ vendor: PROFILES[bmc.vendor].family, type, version, models: [bmc.model], name }));
  const client = bmcClient(bmc);
  const started = await client.post(bmc.paths.simpleUpdate, { ImageURI: images.url(name) });
  if (started.status !== 202) throw new Error(`SimpleUpdate answered ${started.status}: ${started.text}`);
  await pollUntil(bmc, String(started.headers.location), ["Completed", "Scheduled", "Exception", "Failed"]);
  if (type === "bios") await client.post(bmc.paths.reset, { ResetType: "ForceRestart" });
  await waitFor(async () => (bmc.firmware[type] === version && bmc.powerState === "On" ? true : undefined));
}
