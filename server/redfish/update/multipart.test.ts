import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipartUpload, rawUpload } from "./multipart";

let dir: string;
let file: string;
const image = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rackpilot-multipart-"));
  file = join(dir, "image.bin");
  await writeFile(file, image);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe("upload bodies", () => {
  it("builds a multipart form with UpdateParameters and UpdateFile, its length known before streaming", async () => {
    const parameters = { Targets: [], "@Redfish.OperationApplyTime": "OnReset" };
    const upload = await multipartUpload(file, 'BIOS "R750".bin', parameters);
    const bytes = await collect(upload.body.open());
    expect(bytes.length).toBe(upload.body.length);
    const form = await new Response(new Uint8Array(bytes), { headers: { "content-type": upload.contentType } }).formData();
    expect(JSON.parse(String(form.get("UpdateParameters")))).toEqual(parameters);
    const part = form.get("UpdateFile") as File;
    expect(part.name).toBe("BIOS _R750_.bin");
    expect(Buffer.from(await part.arrayBuffer()).equals(image)).toBe(true);
    // Each attempt streams the file afresh.
    expect((await collect(upload.body.open())).equals(bytes)).toBe(true);
  });

  it("streams a raw push as the file itself", async () => {
    const upload = await rawUpload(file);
    expect(upload).toMatchObject({ contentType: "application/octet-stream", body: { length: image.length } });
    expect((await collect(upload.body.open())).equals(image)).toBe(true);
  });
});
