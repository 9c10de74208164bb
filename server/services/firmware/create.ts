import { sql } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { firmwareBinaries } from "~/db/schema";
import type { ServiceContext } from "../context";
import { ValidationError } from "../errors";
import { requireStaff } from "../permissions";
import { downloadFirmware } from "./download";
import { toFirmwareDto } from "./dto";
import { firmwareFileUrl, publicBaseUrl } from "./public-url";
import type { FirmwareUploadInput } from "./schemas";
import { discardFile, keepFile, storedPathOf, type ReceivedFile } from "./storage";

/** Serialises storing and deleting the one file of a checksum (binaries with equal content share it). */
export async function lockChecksum(tx: DbExecutor, sha256: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`firmware-file:${sha256}`}))`);
}

/**
 * Adds a binary to the catalog from an uploaded file (`upload`) or by downloading `location` once.
 * Either way Rackpilot keeps the bytes, so BMCs can fetch them even if the original source goes away.
 * Takes ownership of `upload`: its temporary file is kept or removed here.
 */
export async function createFirmware({ ctx, input, upload }: { ctx: ServiceContext; input: FirmwareUploadInput; upload?: ReceivedFile }) {
  let received = upload;
  try {
    requireStaff(ctx);
    if (!received) {
      if (!input.location) throw ValidationError.field("location", "This field is required.");
      received = await downloadFirmware(input.location);
    }
    const file = received;
    const expected = input.checksum?.toLowerCase();
    if (expected && expected !== file.sha256) {
      throw ValidationError.field("checksum", `Checksum mismatch: expected ${expected}, the file's SHA-256 is ${file.sha256}.`);
    }
    // An upload has no other home: its location is Rackpilot's URL. A download keeps the URL it came from.
    const location = upload ? firmwareFileUrl(publicBaseUrl(ctx.requestUrl), file.sha256, file.filename) : input.location!;
    return await ctx.db.transaction(async (tx) => {
      await lockChecksum(tx, file.sha256);
      const [row] = await tx
        .insert(firmwareBinaries)
        .values({
          name: input.name,
          firmwareType: input.firmware_type,
          version: input.version,
          manufacturer: input.manufacturer,
          models: input.models ?? [],
          location,
          storedPath: storedPathOf(file.sha256),
          checksum: file.sha256,
          size: file.size,
          releaseNotes: input.release_notes ?? "",
        })
        .returning();
      await keepFile(file);
      return toFirmwareDto(row!);
    });
  } finally {
    if (received) await discardFile(received);
  }
}
