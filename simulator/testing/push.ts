import type { BmcHandle } from "../fleet";
import { makeImage } from "../image";
import type { FirmwareType } from "../types";
import { PROFILES } from "../vendors";
import { bmcClient, type RequestOptions } from "./client";

/** A `multipart/form-data` body with DSP0266's `UpdateParameters` and `UpdateFile` parts. */
export function multipartBody(parameters: unknown, file: Buffer, filename: string): { body: Buffer; contentType: string } {
  const boundary = `simulator-push-${filename.length}-${file.length}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="UpdateParameters"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(parameters)}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="UpdateFile"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A simulator image of `version` for this BMC's vendor and model. */
export function imageFor(bmc: BmcHandle, type: FirmwareType, version: string): Buffer {
  return makeImage({ vendor: PROFILES[bmc.vendor].family, type, version, models: [bmc.model], name: `${type} ${version}` });
}

/** A multipart push to `uri` on `bmc`. */
export function pushTo(bmc: BmcHandle, uri: string, parameters: unknown, image: Buffer, filename: string, options: RequestOptions & { chunked?: boolean } = {}) {
  const { body, contentType } = multipartBody(parameters, image, filename);
  return bmcClient(bmc).post(uri, undefined, { ...options, raw: { body, contentType, chunked: options.chunked } });
}
