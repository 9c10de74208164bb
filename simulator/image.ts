import { createHash } from "node:crypto";
import { z } from "zod";
import { FIRMWARE_TYPES, IMAGE_VENDORS } from "./types";

/**
 * A simulator firmware image: a magic first line, one line of JSON manifest, then payload bytes.
 * The BMC reads the target component and the new version from the manifest, as real BMCs read
 * them from a vendor package header.
 */
export const IMAGE_MAGIC = "RACKPILOT-FWIMG 1";

const manifestSchema = z.object({
  vendor: z.enum(IMAGE_VENDORS),
  type: z.enum(FIRMWARE_TYPES),
  version: z.string().min(1),
  /** Models the image installs on; empty means every model of the vendor. */
  models: z.array(z.string().min(1)).default([]),
  name: z.string().min(1),
  /** Hex SHA-256 of the payload; a mismatch means a corrupted download. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

export type ImageManifest = z.infer<typeof manifestSchema>;
export type ImageManifestInput = z.input<typeof manifestSchema>;

export class ImageFormatError extends Error {}

export function makeImage(manifest: Omit<ImageManifestInput, "sha256">, payload?: Buffer): Buffer {
  const body = payload ?? defaultPayload(`${manifest.vendor}/${manifest.type}/${manifest.version}`);
  const checked = manifestSchema.parse({ ...manifest, sha256: sha256(body) });
  return Buffer.concat([Buffer.from(`${IMAGE_MAGIC}\n${JSON.stringify(checked)}\n`), body]);
}

export function parseImage(image: Buffer): { manifest: ImageManifest; payload: Buffer } {
  const firstBreak = image.indexOf(0x0a);
  if (firstBreak < 0 || image.subarray(0, firstBreak).toString("latin1") !== IMAGE_MAGIC) {
    throw new ImageFormatError(`not a firmware image: the first line is not "${IMAGE_MAGIC}"`);
  }
  const secondBreak = image.indexOf(0x0a, firstBreak + 1);
  if (secondBreak < 0) throw new ImageFormatError("truncated image: no end of manifest");
  let json: unknown;
  try {
    json = JSON.parse(image.subarray(firstBreak + 1, secondBreak).toString("utf8"));
  } catch {
    throw new ImageFormatError("the image manifest is not valid JSON");
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new ImageFormatError(`invalid image manifest: ${z.prettifyError(parsed.error)}`);
  const payload = image.subarray(secondBreak + 1);
  if (parsed.data.sha256 && parsed.data.sha256 !== sha256(payload)) {
    throw new ImageFormatError("image payload checksum mismatch (corrupted or truncated image)");
  }
  return { manifest: parsed.data, payload };
}

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** 4 KiB of bytes derived from the image identity, so equal manifests give equal images. */
function defaultPayload(label: string): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; i < 128; i++) blocks.push(createHash("sha256").update(`${label}#${i}`).digest());
  return Buffer.concat(blocks);
}
