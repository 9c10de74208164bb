import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { StreamBody } from "../transport";

export interface UploadBody {
  body: StreamBody;
  contentType: string;
}

/** A file name safe inside a quoted Content-Disposition parameter. */
function quotedName(name: string): string {
  return name.replace(/["\\\r\n]/g, "_");
}

/**
 * DSP0266 multipart push: an `UpdateParameters` part (JSON) and an `UpdateFile` part (the image),
 * streamed from disk with its exact length, so the request carries a Content-Length.
 */
export async function multipartUpload(file: string, name: string, parameters: Record<string, unknown>): Promise<UploadBody> {
  const boundary = `rackpilot-${randomBytes(12).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="UpdateParameters"\r\nContent-Type: application/json\r\n\r\n` +
      `${JSON.stringify(parameters)}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="UpdateFile"; filename="${quotedName(name)}"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const { size } = await stat(file);
  async function* parts() {
    yield head;
    yield* createReadStream(file);
    yield tail;
  }
  return { body: new StreamBody(head.length + size + tail.length, () => Readable.from(parts())), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The image alone, as an octet stream (DMTF `HttpPushUri`). */
export async function rawUpload(file: string): Promise<UploadBody> {
  const { size } = await stat(file);
  return { body: new StreamBody(size, () => createReadStream(file)), contentType: "application/octet-stream" };
}
