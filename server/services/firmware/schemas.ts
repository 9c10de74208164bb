import { FIRMWARE_TYPES } from "~/db/schema/choices";
import { z } from "~/server/lib/zod";

export { FIRMWARE_TYPES };
export type FirmwareType = (typeof FIRMWARE_TYPES)[number];

const firmwareTypeField = z
  .enum(FIRMWARE_TYPES)
  .describe(`The kind of component this image updates. One of: ${FIRMWARE_TYPES.join(", ")}.`);

export const firmwareBinarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  firmware_type: firmwareTypeField,
  type: firmwareTypeField.describe("Same value as `firmware_type` (the name MOJO's baseline data model uses). Read-only."),
  version: z.string().describe("The version string the component reports once this image is installed."),
  manufacturer: z.string().describe("Server manufacturer, e.g. Dell, HPE, Supermicro."),
  models: z.array(z.string()).describe('Compatible server models, e.g. ["PowerEdge R750"].'),
  location: z.string().describe("URL of the image. For uploaded files, Rackpilot's own URL, fetchable without a token."),
  checksum: z.string().describe("SHA-256 of the file, hex. Computed by Rackpilot."),
  size: z.number().int().describe("File size in bytes. Computed by Rackpilot."),
  release_notes: z.string(),
  created_at: z.string().describe("ISO 8601, UTC."),
});
export type FirmwareBinaryDto = z.infer<typeof firmwareBinarySchema>;

const SHA256 = /^[0-9a-fA-F]{64}$/;

export const firmwareFields = {
  name: z.string().trim().min(1).max(256),
  firmware_type: firmwareTypeField,
  version: z.string().trim().min(1).max(128),
  manufacturer: z.string().trim().min(1).max(128),
  models: z.array(z.string().trim().min(1).max(256)).describe('Compatible server models, e.g. ["PowerEdge R750"].'),
  location: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .describe("http(s) URL Rackpilot downloads the image from, once, during the request (it keeps a copy). Link-local and cloud-metadata addresses are refused; RACKPILOT_FIRMWARE_DOWNLOAD_ALLOW narrows the allowed sources."),
  checksum: z
    .string()
    .regex(SHA256, { error: "Enter a valid SHA-256 checksum (64 hexadecimal characters)." })
    .describe("Optional expected SHA-256: the file is refused if it does not match."),
  release_notes: z.string(),
};

/** Create from JSON: Rackpilot downloads `location`. Uploads use the same fields with a file instead. */
export const firmwareCreateSchema = z.object({
  name: firmwareFields.name,
  firmware_type: firmwareFields.firmware_type,
  version: firmwareFields.version,
  manufacturer: firmwareFields.manufacturer,
  models: firmwareFields.models.optional(),
  location: firmwareFields.location,
  checksum: firmwareFields.checksum.optional(),
  release_notes: firmwareFields.release_notes.optional(),
});
export type FirmwareCreateInput = z.infer<typeof firmwareCreateSchema>;

export const firmwareUploadSchema = firmwareCreateSchema.extend({ location: firmwareFields.location.optional() });
export type FirmwareUploadInput = z.infer<typeof firmwareUploadSchema>;

/** The file (location, checksum, size) is fixed at creation: a new image is a new binary. */
export const firmwareReplaceSchema = firmwareCreateSchema.omit({ location: true, checksum: true });
export type FirmwareUpdateInput = Partial<z.infer<typeof firmwareReplaceSchema>>;
