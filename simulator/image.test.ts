import { describe, expect, it } from "vitest";
import { IMAGE_MAGIC, ImageFormatError, makeImage, parseImage } from "./image";

const manifest = { vendor: "dell" as const, type: "bios" as const, version: "1.12.2", models: ["PowerEdge R750"], name: "Dell BIOS" };

describe("firmware image format", () => {
  it("starts with the magic line and a JSON manifest", () => {
    const image = makeImage(manifest);
    const [magic, json] = image.toString("latin1").split("\n");
    expect(magic).toBe(IMAGE_MAGIC);
    expect(JSON.parse(json)).toMatchObject({ ...manifest, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("round-trips manifest and payload", () => {
    const payload = Buffer.from([0, 10, 13, 255, 10]);
    const parsed = parseImage(makeImage(manifest, payload));
    expect(parsed.manifest).toMatchObject(manifest);
    expect(parsed.payload.equals(payload)).toBe(true);
  });

  it("is deterministic and defaults models to any", () => {
    const noModels = { vendor: "hpe", type: "service_pack", version: "2023.09.0", name: "SPP" } as const;
    expect(makeImage(noModels).equals(makeImage(noModels))).toBe(true);
    expect(parseImage(makeImage(noModels)).manifest.models).toEqual([]);
  });

  it("rejects foreign files, bad manifests and corrupted payloads", () => {
    expect(() => parseImage(Buffer.from("MZ\x90\x00 a windows exe"))).toThrow(ImageFormatError);
    expect(() => parseImage(Buffer.from(`${IMAGE_MAGIC}\n{"vendor":`))).toThrow(/no end of manifest/);
    expect(() => parseImage(Buffer.from(`${IMAGE_MAGIC}\nnot json\n`))).toThrow(/not valid JSON/);
    expect(() => parseImage(Buffer.from(`${IMAGE_MAGIC}\n{"vendor":"acme","type":"bios","version":"1","name":"x"}\n`))).toThrow(
      /invalid image manifest/,
    );
    const image = makeImage(manifest);
    const corrupted = Buffer.from(image);
    corrupted[corrupted.length - 1] ^= 0xff;
    expect(() => parseImage(corrupted)).toThrow(/checksum mismatch/);
    expect(() => parseImage(image.subarray(0, image.length - 10))).toThrow(/checksum mismatch/);
  });

  it("refuses to build an image with an unknown type", () => {
    expect(() => makeImage({ ...manifest, type: "gpu" as "bios" })).toThrow();
  });
});
