import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { multipartBoundary, MultipartError, multipartParts } from "./multipart";

async function* chunked(body: Buffer, size: number) {
  for (let i = 0; i < body.length; i += size) yield body.subarray(i, i + size);
}

async function collect(body: Buffer, boundary: string, chunkSize: number) {
  const parts: Array<{ name: string; filename?: string; data: Buffer }> = [];
  for await (const part of multipartParts(chunked(body, chunkSize), boundary)) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of part.data) chunks.push(chunk);
    parts.push({ name: part.name, filename: part.filename, data: Buffer.concat(chunks) });
  }
  return parts;
}

function encode(boundary: string, parts: Array<{ name: string; filename?: string; data: Buffer }>) {
  const pieces = parts.flatMap((part) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ""}\r\n\r\n`),
    part.data,
    Buffer.from("\r\n"),
  ]);
  return Buffer.concat([Buffer.from("preamble\r\n"), ...pieces, Buffer.from(`--${boundary}--\r\n`)]);
}

describe("multipartParts", () => {
  const boundary = "----rackpilot-boundary";
  // Bytes that look like the start of a delimiter must survive, at every chunk split.
  const file = Buffer.concat([randomBytes(1500), Buffer.from(`\r\n--${boundary.slice(0, 8)}`), randomBytes(1500), Buffer.from("\r\n-")]);
  const parts = [
    { name: "name", data: Buffer.from("BIOS 1.12.2") },
    { name: "file", filename: "bios.bin", data: file },
    { name: "models", data: Buffer.from("") },
  ];

  it.each([1, 7, 64, 100_000])("yields every part byte for byte with %i-byte chunks", async (size) => {
    expect(await collect(encode(boundary, parts), boundary, size)).toEqual([
      { name: "name", filename: undefined, data: parts[0]!.data },
      { name: "file", filename: "bios.bin", data: file },
      { name: "models", filename: undefined, data: Buffer.alloc(0) },
    ]);
  });

  it("skips the bytes of a part the consumer did not read", async () => {
    const names: string[] = [];
    for await (const part of multipartParts(chunked(encode(boundary, parts), 13), boundary)) names.push(part.name);
    expect(names).toEqual(["name", "file", "models"]);
  });

  it("rejects a body cut before the closing boundary", async () => {
    const body = encode(boundary, parts);
    await expect(collect(body.subarray(0, body.length - 40), boundary, 50)).rejects.toThrow(MultipartError);
  });

  it("reads the boundary parameter, quoted or not", () => {
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe("a b");
    expect(multipartBoundary("multipart/form-data; charset=utf-8; boundary=xyz")).toBe("xyz");
    expect(multipartBoundary("multipart/form-data")).toBeUndefined();
  });
});
